namespace Sentiment.Api.Contracts;

/// <summary>
/// One entry of a batch answer, in the place of its item: the model's answer (as for one text,
/// with the model that gave it), or, for an item that could not be scored, only its error.
/// </summary>
/// <param name="Id">The item's <c>id</c>, as sent; absent when the item had none.</param>
/// <param name="Label"><inheritdoc cref="SentimentResult" path="/param[@name='Label']"/> Absent for an error entry.</param>
/// <param name="Confidence"><inheritdoc cref="SentimentResult" path="/param[@name='Confidence']"/></param>
/// <param name="Score"><inheritdoc cref="SentimentResult" path="/param[@name='Score']"/></param>
/// <param name="Probabilities"><inheritdoc cref="SentimentResult" path="/param[@name='Probabilities']"/></param>
/// <param name="Tokens"><inheritdoc cref="SentimentResult" path="/param[@name='Tokens']"/> Absent for an error entry.</param>
/// <param name="Warnings"><inheritdoc cref="SentimentResult" path="/param[@name='Warnings']"/></param>
/// <param name="Model">Name of the model that answered (see GET /models); absent for an error entry.</param>
/// <param name="ModelVersion">Version of the model that answered; absent for an error entry.</param>
/// <param name="Error">Why the item was not scored; present only for an error entry.</param>
public sealed record BatchItemResult(
    string? Id, string? Label, float? Confidence, float? Score, IReadOnlyDictionary<string, float>? Probabilities,
    TokenCounts? Tokens, IReadOnlyList<AnswerWarning>? Warnings, string? Model, string? ModelVersion, ItemError? Error)
{
    /// <summary><inheritdoc cref="SentimentResult.Words" path="/summary"/> Absent for an error entry.</summary>
    public IReadOnlyList<WordContribution>? Words { get; init; }

    /// <summary><inheritdoc cref="SentimentResult.Sentences" path="/summary"/> Absent for an error entry.</summary>
    public IReadOnlyList<SentenceResult>? Sentences { get; init; }
}

/// <summary>Why one batch item was not scored.</summary>
/// <param name="Code"><c>empty_text</c>, <c>text_too_long</c>, <c>invalid_text</c> (not valid Unicode),
/// <c>unsupported_language</c> (no served model reads the item's language) or <c>unknown_model</c>.</param>
/// <param name="Message">The same in words, naming the limit or what is served.</param>
public sealed record ItemError(string Code, string Message);
