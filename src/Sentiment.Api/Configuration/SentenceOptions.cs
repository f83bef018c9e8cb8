using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>When a text whose sentences disagree is answered <c>mixed</c> (section <c>Sentences</c>).</summary>
public sealed class SentenceOptions
{
    public const string Section = "Sentences";

    /// <summary>
    /// A sentence counts as positive (or negative) for the <c>mixed</c> rule only when that is its label
    /// with at least this confidence; below it, a sentence is too unsure to disagree with another.
    /// </summary>
    [Range(0.0, 1.0)]
    public double MixedConfidence { get; set; } = 0.6;
}
