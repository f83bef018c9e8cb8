namespace Sentiment.Trainer.Tests;

/// <summary>TorchSharp's seed and thread count are process-wide, so its tests never run in parallel.</summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public class TorchCollection
{
    public const string Name = "TorchSharp";
}
