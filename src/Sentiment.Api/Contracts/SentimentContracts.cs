using System.Text.Json.Serialization;

namespace Sentiment.Api.Contracts;

/// <summary>A text to score.</summary>
public sealed class SentimentRequest : AnswerRequest
{
    /// <summary>The text: 1 to MaxTextLength (default 5,120) characters, not only whitespace.</summary>
    /// <example>The plot was thin but the acting was wonderful and I would happily watch it again.</example>
    public required string Text { get; init; }

    /// <summary>The text's language (ISO 639-1); absent, the service chooses by script (see GET /models).</summary>
    public string? Language { get; init; }

    /// <summary>The model to answer (a name from GET /models); absent, chosen by language or script.</summary>
    public string? Model { get; init; }
}

/// <summary>Texts to score together.</summary>
public sealed class BatchSentimentRequest : AnswerRequest
{
    /// <summary>
    /// 1 to MaxTextsPerRequest (default 64) items: each a text, or an object
    /// <c>{"id": "...", "text": "...", "language": "zh", "model": "name"}</c> (only <c>text</c> required).
    /// </summary>
    public required IReadOnlyList<object> Texts { get; init; }

    /// <summary>The language of every item that names none (ISO 639-1).</summary>
    public string? Language { get; init; }

    /// <summary>The model of every item that names none (a name from GET /models).</summary>
    public string? Model { get; init; }
}

/// <summary>How many words the text had and how many the model knows.</summary>
/// <param name="Total">Words after the tokenizer's lower-casing and filtering.</param>
/// <param name="Known">Words in the model's vocabulary; 0 means the model saw no word it knows.</param>
/// <param name="Truncated">True when only the last maxLength known words were scored.</param>
public sealed record TokenCounts(int Total, int Known, bool Truncated);

/// <summary>Something the caller should know about an answer; <c>code</c> is stable, <c>message</c> is for people.</summary>
/// <param name="Code"><c>no_known_words</c>: no word of the text is in the vocabulary, so the label is <c>unknown</c>;
/// <c>low_coverage</c>: fewer than the model's <c>coverage.warnBelow</c> share of the words are known, so the label rests on few words.</param>
/// <param name="Message">The same in words, with the counts.</param>
public sealed record AnswerWarning(string Code, string Message);

/// <summary>The model's answer for one text.</summary>
/// <param name="Label">The most probable label, or <c>unknown</c> when the model knows no word of the text.</param>
/// <param name="Confidence">The probability of that label; absent when the label is <c>unknown</c>.</param>
/// <param name="Score">P(positive) - P(negative), in [-1, 1]; absent when the model lacks those labels or the label is <c>unknown</c>.</param>
/// <param name="Probabilities">Probability per label, in the model's label order; absent when the label is <c>unknown</c>.</param>
/// <param name="Tokens">Coverage and truncation of the text.</param>
/// <param name="Warnings">Present only when there is something to warn about.</param>
public record SentimentResult(
    string Label, float? Confidence, float? Score, IReadOnlyDictionary<string, float>? Probabilities, TokenCounts Tokens,
    IReadOnlyList<AnswerWarning>? Warnings = null)
{
    /// <summary>With <c>explain: true</c>: every word the tokenizer produced, in text order; absent for a text answered <c>unknown</c>.</summary>
    public IReadOnlyList<WordContribution>? Words { get; init; }

    /// <summary>With <c>sentences: true</c>: every sentence, scored on its own. The text's label is then <c>mixed</c>
    /// when one sentence is confidently positive and another confidently negative.</summary>
    public IReadOnlyList<SentenceResult>? Sentences { get; init; }
}

/// <summary>The model's answer for one text, with the version of the model that gave it.</summary>
/// <param name="Label"><inheritdoc cref="SentimentResult" path="/param[@name='Label']"/></param>
/// <param name="Confidence"><inheritdoc cref="SentimentResult" path="/param[@name='Confidence']"/></param>
/// <param name="Score"><inheritdoc cref="SentimentResult" path="/param[@name='Score']"/></param>
/// <param name="Probabilities"><inheritdoc cref="SentimentResult" path="/param[@name='Probabilities']"/></param>
/// <param name="Tokens"><inheritdoc cref="SentimentResult" path="/param[@name='Tokens']"/></param>
/// <param name="Warnings"><inheritdoc cref="SentimentResult" path="/param[@name='Warnings']"/></param>
/// <param name="ModelVersion">Version of the model that answered.</param>
public sealed record SentimentResponse(
    string Label, float? Confidence, float? Score, IReadOnlyDictionary<string, float>? Probabilities, TokenCounts Tokens,
    IReadOnlyList<AnswerWarning>? Warnings,
    [property: JsonPropertyOrder(1)] string ModelVersion)
    : SentimentResult(Label, Confidence, Score, Probabilities, Tokens, Warnings);

/// <summary>Answers for a batch, one per item in request order.</summary>
/// <param name="Results">One entry per item, in request order: a result or an error.</param>
/// <param name="ModelVersion">Versions of the models that answered, comma-separated in order of first answer; absent when no item was scored.</param>
public sealed record BatchSentimentResponse(IReadOnlyList<BatchItemResult> Results, string? ModelVersion);
