using System.Text.Json.Serialization;

namespace Sentiment.Api.Contracts;

/// <summary>One word the tokenizer produced, where it is in the text, and how much it moved the answer.</summary>
/// <param name="Text">The word as the model read it: lower-cased and normalised ("n't", "disappointed" for 😞).
/// The text as written is <c>text.Substring(offset, length)</c>.</param>
/// <param name="Offset">Where the word starts in the request's text, in the request's <c>offsetUnit</c>.
/// Several words may share a span: an emoji and its name words, or "do" and "n't" from "dont".</param>
/// <param name="Length">How long it is there, in the same unit.</param>
/// <param name="Known">True when the word is in the model's vocabulary; an unknown word is not read and contributes 0.</param>
/// <param name="Contribution">P(label | text) - P(label | text without this word), for the answer's model label
/// (before any <c>mixed</c>): positive when the word supports the label, negative when it argues against it.</param>
/// <param name="ScoreContribution">The same for the score: score(text) - score(text without this word), positive when the
/// word pulls towards positive; absent when the model lacks a positive and a negative label.</param>
/// <param name="Truncated">True when the maximum length cut the word off, so the model did not read it and it contributes 0.</param>
public sealed record WordContribution(
    string Text, int Offset, int Length, bool Known, float Contribution, float? ScoreContribution, bool Truncated);

/// <summary>One sentence of the text, scored on its own.</summary>
/// <param name="Text">The sentence as written.</param>
/// <param name="Offset">Where it starts in the request's text, in the request's <c>offsetUnit</c>.</param>
/// <param name="Length">How long it is, in the same unit.</param>
/// <param name="Label">The sentence's most probable label, or <c>unknown</c> when the model knows none of its words.</param>
/// <param name="Confidence">The probability of that label; absent when the label is <c>unknown</c>.</param>
/// <param name="Probabilities">Probability per label; absent when the label is <c>unknown</c>.</param>
public sealed record SentenceResult(
    string Text, int Offset, int Length, string Label, float? Confidence, IReadOnlyDictionary<string, float>? Probabilities);

/// <summary>What an answer holds besides the label: both parts are off unless asked for, and cost extra model rows.</summary>
public abstract class AnswerRequest
{
    /// <summary>Add <c>words</c>: each word's span and contribution (one model run of words + 1 rows per text).</summary>
    public bool Explain { get; init; }

    /// <summary>Add <c>sentences</c>: each sentence scored on its own, and the label <c>mixed</c> when they disagree.</summary>
    public bool Sentences { get; init; }

    /// <summary>The unit of every <c>offset</c> and <c>length</c>: <c>utf16</c> code units (as .NET and JavaScript index
    /// strings; the default) or <c>codePoint</c> (as Python does).</summary>
    public OffsetUnit OffsetUnit { get; init; }
}

/// <summary>How offsets count characters.</summary>
[JsonConverter(typeof(JsonStringEnumConverter<OffsetUnit>))]
public enum OffsetUnit
{
    [JsonStringEnumMemberName("utf16")] Utf16,
    [JsonStringEnumMemberName("codePoint")] CodePoint,
}
