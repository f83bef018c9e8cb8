using System.Text.Json;

namespace Sentiment.Api.Scoring;

/// <summary>
/// One text of a request and what the client asked of its model (null: the service chooses); for a
/// batch item that cannot be scored, no text but the problem, answered in that item's place.
/// </summary>
internal sealed record RequestItem(string? Text, string? Language = null, string? Model = null, string? Id = null, ItemProblem? Problem = null);

/// <summary>Why one batch item is not scored; <c>Code</c> is stable, <c>Message</c> is for people.</summary>
internal sealed record ItemProblem(string Code, string Message)
{
    public const string EmptyText = "empty_text";
    public const string TextTooLong = "text_too_long";
    public const string InvalidText = "invalid_text";
}

/// <summary>The optional <c>language</c> and <c>model</c> fields of a request or batch item.</summary>
internal struct RoutingHints
{
    public const string LanguageField = "language";
    public const string ModelField = "model";

    public string? Language { get; private set; }

    public string? Model { get; private set; }

    /// <summary>The field's name when the reader is on <c>language</c> or <c>model</c>, else null.</summary>
    public static string? NameOf(ref Utf8JsonReader reader) =>
        reader.ValueTextEquals(LanguageField) ? LanguageField : reader.ValueTextEquals(ModelField) ? ModelField : null;

    /// <summary>Reads the value of <paramref name="name"/>: a non-empty string, or null for "let the service choose".</summary>
    public void Read(string name, ref Utf8JsonReader reader, string field, ref ErrorBag errors)
    {
        string? value = null;
        if (reader.TokenType == JsonTokenType.String)
        {
            try
            {
                value = reader.GetString();
            }
            catch (InvalidOperationException)
            {
                errors.Add(field, $"'{field}' is not valid Unicode: it holds invalid UTF-8 or a lone surrogate.");
                return;
            }
            if (string.IsNullOrWhiteSpace(value))
            {
                errors.Add(field, $"'{field}' is empty; leave it out to let the service choose.");
                value = null;
            }
        }
        else if (reader.TokenType != JsonTokenType.Null)
        {
            errors.Add(field, $"'{field}' must be a string, not {RequestParser.Describe(reader.TokenType)}.");
            reader.Skip();
        }
        if (name == LanguageField)
            Language = value;
        else
            Model = value;
    }
}
