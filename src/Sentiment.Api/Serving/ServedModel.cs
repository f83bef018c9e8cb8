using Sentiment.Core;

namespace Sentiment.Api.Serving;

/// <summary>A loaded model as the service serves it: its manifest, version and labels.</summary>
public sealed class ServedModel
{
    private readonly int _positive;
    private readonly int _negative;

    public ServedModel(ModelManifest manifest)
    {
        Manifest = manifest;
        _positive = IndexOf(manifest.Labels, "positive");
        _negative = IndexOf(manifest.Labels, "negative");
    }

    public ModelManifest Manifest { get; }

    public string Version => Manifest.Version;

    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>P(positive) - P(negative); null when the model lacks either label.</summary>
    public float? Score(float[] probabilities) =>
        _positive >= 0 && _negative >= 0 ? probabilities[_positive] - probabilities[_negative] : null;

    // The API's one label look-up by name: the score is defined by these two names.
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
