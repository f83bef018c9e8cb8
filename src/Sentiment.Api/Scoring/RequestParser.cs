using System.Buffers;
using System.Text.Json;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Scoring;

/// <summary>
/// Reads request bodies with <see cref="Utf8JsonReader"/> rather than the serializer, so each
/// mistake (wrong type, null, missing field, bad JSON) gets a message naming the field.
/// Unknown fields are skipped.
/// </summary>
internal static class RequestParser
{
    private static readonly JsonReaderOptions ReaderOptions = new() { MaxDepth = 32 };

    private delegate T? FieldReader<T>(ref Utf8JsonReader reader, ApiOptions limits, ref ErrorBag errors);

    /// <summary>Reads <c>{"text": "...", "language"?: "en", "model"?: "name"}</c> and the answer options as a one-item batch.</summary>
    public static ParsedRequest? ParseText(ReadOnlySequence<byte> body, ApiOptions limits, out ErrorBag errors)
    {
        string? text = ParseObject(body, limits, "text", """{"text": "..."}""", out errors, out var hints, out var options,
            static (ref Utf8JsonReader reader, ApiOptions limits, ref ErrorBag errors) => ReadText(ref reader, "text", limits, ref errors));
        return text is null ? null : new ParsedRequest([new RequestItem(text, hints.Language, hints.Model)], options);
    }

    /// <summary>Reads <c>{"texts": [...], "language"?, "model"?}</c>; the request's language, model and answer options apply to every item.</summary>
    public static ParsedRequest? ParseTexts(ReadOnlySequence<byte> body, ApiOptions limits, out ErrorBag errors)
    {
        var items = ParseObject(body, limits, "texts", """{"texts": ["...", "..."]}""", out errors, out var hints, out var options,
            BatchItems.ReadArray);
        return items is null ? null : new ParsedRequest(
            [.. items.Select(item => item with { Language = item.Language ?? hints.Language, Model = item.Model ?? hints.Model })], options);
    }

    /// <summary>Reads an object whose main field is <paramref name="field"/>, with the optional routing and <see cref="AnswerOptions"/> fields beside it.</summary>
    private static T? ParseObject<T>(
        ReadOnlySequence<byte> body, ApiOptions limits, string field, string shape, out ErrorBag errors, out RoutingHints hints,
        out AnswerOptions options, FieldReader<T> read)
        where T : class
    {
        errors = new ErrorBag();
        hints = default;
        options = default;
        if (body.IsEmpty)
        {
            errors.Add("body", $"The request body is empty; send a JSON object such as {shape}.");
            return null;
        }
        T? value = null;
        var reader = new Utf8JsonReader(body, ReaderOptions);
        try
        {
            if (!StartObject(ref reader, shape, ref errors))
                return null;
            bool seen = false;
            while (NextProperty(ref reader))
            {
                if (!ValidName(ref reader, ref errors))
                    return null;
                bool known = reader.ValueTextEquals(field);
                string? hint = RoutingHints.NameOf(ref reader);
                string? option = AnswerOptions.Match(ref reader);
                reader.Read();
                if (known)
                {
                    seen = true;
                    value = read(ref reader, limits, ref errors);
                }
                else if (hint is not null)
                    hints.Read(hint, ref reader, hint, ref errors);
                else if (option is not null)
                    options = options.Read(ref reader, option, ref errors);
                else
                    reader.Skip();
            }
            EndOfBody(ref reader);
            if (!seen)
                errors.Add(field, $"'{field}' is required.");
        }
        catch (JsonException e)
        {
            errors = ErrorBag.Malformed(e);
        }
        return errors.Any ? null : value;
    }

    internal static string? ReadText(ref Utf8JsonReader reader, string field, ApiOptions limits, ref ErrorBag errors)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.Add(field, reader.TokenType == JsonTokenType.Null
                ? $"'{field}' is required; it is null."
                : $"'{field}' must be a string, not {Describe(reader.TokenType)}.");
            reader.Skip();
            return null;
        }
        var (text, problem) = CheckText(ref reader, field, limits);
        if (problem is { } found)
            errors.Add(field, found.Message);
        return text;
    }

    /// <summary>The string the reader is on, or what is wrong with it as a text to score (a batch item's error).</summary>
    internal static (string? Text, ItemProblem? Problem) CheckText(ref Utf8JsonReader reader, string field, ApiOptions limits)
    {
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            return (null, new(ItemProblem.InvalidText, $"'{field}' is not valid Unicode: it holds invalid UTF-8 or a lone surrogate."));
        }
        if (string.IsNullOrWhiteSpace(text))
            return (null, new(ItemProblem.EmptyText, $"'{field}' is empty or only whitespace."));
        if (text.Length > limits.MaxTextLength)
            return (null, new(ItemProblem.TextTooLong,
                $"'{field}' has {text.Length} characters; the limit is {limits.MaxTextLength} (MaxTextLength)."));
        return (text, null);
    }

    /// <summary>An escaped name may hold a lone surrogate, which no comparison can read.</summary>
    internal static bool ValidName(ref Utf8JsonReader reader, ref ErrorBag errors)
    {
        if (!reader.ValueIsEscaped)
            return true; // the reader has already checked the UTF-8
        try
        {
            reader.GetString();
            return true;
        }
        catch (InvalidOperationException)
        {
            errors.Add("body", "'body' has a property name that is not valid Unicode: it holds a lone surrogate escape.");
            return false;
        }
    }

    private static bool StartObject(ref Utf8JsonReader reader, string shape, ref ErrorBag errors)
    {
        reader.Read(); // only whitespace throws, and is reported as invalid JSON
        if (reader.TokenType == JsonTokenType.StartObject)
            return true;
        errors.Add("body", $"The request body must be a JSON object such as {shape}, not {Describe(reader.TokenType)}.");
        return false;
    }

    private static bool NextProperty(ref Utf8JsonReader reader) =>
        reader.Read() && reader.TokenType == JsonTokenType.PropertyName;

    /// <summary>Reading past the object makes the reader reject anything after it.</summary>
    private static void EndOfBody(ref Utf8JsonReader reader) => reader.Read();

    internal static string Describe(JsonTokenType token) => token switch
    {
        JsonTokenType.Null => "null",
        JsonTokenType.Number => "a number",
        JsonTokenType.True or JsonTokenType.False => "a boolean",
        JsonTokenType.StartArray => "an array",
        JsonTokenType.StartObject => "an object",
        JsonTokenType.String => "a string",
        _ => token.ToString(),
    };
}

/// <summary>Validation errors by field, in the shape of <c>ValidationProblemDetails.Errors</c>.</summary>
internal struct ErrorBag
{
    private Dictionary<string, string[]>? _errors;

    public readonly bool Any => _errors is not null;

    public readonly Dictionary<string, string[]> Errors => _errors ?? [];

    public void Add(string field, string message)
    {
        _errors ??= new Dictionary<string, string[]>(StringComparer.Ordinal);
        _errors[field] = _errors.TryGetValue(field, out var existing) ? [.. existing, message] : [message];
    }

    public static ErrorBag Malformed(JsonException e)
    {
        var bag = new ErrorBag();
        bag.Add("body", $"The request body is not valid JSON: {e.Message}");
        return bag;
    }
}
