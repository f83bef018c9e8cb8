using Sentiment.Api.Endpoints;
using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Api.Serving;

/// <summary>A loaded model as the API presents it: its version, labels and public manifest.</summary>
public sealed class ServedModel
{
    private readonly int _positive;
    private readonly int _negative;

    public ServedModel(ModelManifest manifest)
    {
        Version = manifest.Version;
        Labels = manifest.Labels;
        _positive = IndexOf(manifest.Labels, "positive");
        _negative = IndexOf(manifest.Labels, "negative");
        Description = new ModelResponse(
            manifest.Name, manifest.Version, manifest.CreatedUtc, manifest.Labels, manifest.Tokenizer.MaxLength,
            manifest.Tokenizer, manifest.Architecture, manifest.Data, manifest.Metrics);
    }

    public string Version { get; }

    public IReadOnlyList<string> Labels { get; }

    public ModelResponse Description { get; }

    public SentimentResult ToResult(Prediction prediction) => new(
        prediction.Label, prediction.Confidence, Score(prediction.Probabilities),
        Probabilities(prediction.Probabilities), Tokens(prediction));

    public SentimentResponse ToResponse(Prediction prediction) => new(
        prediction.Label, prediction.Confidence, Score(prediction.Probabilities),
        Probabilities(prediction.Probabilities), Tokens(prediction), Version);

    private float? Score(float[] probabilities) =>
        _positive >= 0 && _negative >= 0 ? probabilities[_positive] - probabilities[_negative] : null;

    private Dictionary<string, float> Probabilities(float[] probabilities)
    {
        var byLabel = new Dictionary<string, float>(Labels.Count);
        for (int i = 0; i < Labels.Count; i++)
            byLabel[Labels[i]] = probabilities[i];
        return byLabel;
    }

    private static TokenCounts Tokens(Prediction prediction) =>
        new(prediction.TotalTokens, prediction.KnownTokens, prediction.Truncated);

    private static int IndexOf(IReadOnlyList<string> labels, string label)
    {
        for (int i = 0; i < labels.Count; i++)
        {
            if (string.Equals(labels[i], label, StringComparison.OrdinalIgnoreCase))
                return i;
        }
        return -1;
    }
}
