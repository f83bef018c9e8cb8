using System.Text.Json;
using Sentiment.Api.Contracts;

namespace Sentiment.Api.Scoring;

/// <summary>The request's items and what their answers should hold.</summary>
internal sealed record ParsedRequest(IReadOnlyList<RequestItem> Items, AnswerOptions Options);

/// <summary>The optional fields <c>explain</c>, <c>sentences</c> and <c>offsetUnit</c> of a scoring request.</summary>
internal readonly record struct AnswerOptions(bool Explain = false, bool Sentences = false, OffsetUnit Unit = OffsetUnit.Utf16)
{
    public const string ExplainField = "explain";
    public const string SentencesField = "sentences";
    public const string OffsetUnitField = "offsetUnit";

    /// <summary>True when the answer needs more than the plain prediction.</summary>
    public bool Extended => Explain || Sentences;

    /// <summary>The option a property name names, or null; the reader is on the name.</summary>
    public static string? Match(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(ExplainField) ? ExplainField
        : reader.ValueTextEquals(SentencesField) ? SentencesField
        : reader.ValueTextEquals(OffsetUnitField) ? OffsetUnitField
        : null;

    /// <summary>Reads the value of <paramref name="field"/>; the reader is on the value.</summary>
    public AnswerOptions Read(ref Utf8JsonReader reader, string field, ref ErrorBag errors)
    {
        if (field == OffsetUnitField)
        {
            if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("utf16"))
                return this with { Unit = OffsetUnit.Utf16 };
            if (reader.TokenType == JsonTokenType.String && reader.ValueTextEquals("codePoint"))
                return this with { Unit = OffsetUnit.CodePoint };
            errors.Add(field, $"'{field}' must be \"utf16\" or \"codePoint\".");
            reader.Skip();
            return this;
        }
        if (reader.TokenType is not (JsonTokenType.True or JsonTokenType.False))
        {
            errors.Add(field, $"'{field}' must be true or false.");
            reader.Skip();
            return this;
        }
        bool value = reader.GetBoolean();
        return field == ExplainField ? this with { Explain = value } : this with { Sentences = value };
    }
}
