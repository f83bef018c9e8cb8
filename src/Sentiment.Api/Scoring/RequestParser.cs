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

    private delegate IReadOnlyList<string>? FieldReader(ref Utf8JsonReader reader, ApiOptions limits, ref ErrorBag errors);

    /// <summary>Reads <c>{"text": "..."}</c> as a one-text batch.</summary>
    public static TextsRequest? ParseText(ReadOnlySequence<byte> body, ApiOptions limits, out ErrorBag errors) =>
        ParseObject(body, limits, "text", """{"text": "..."}""", out errors,
            static (ref Utf8JsonReader reader, ApiOptions limits, ref ErrorBag errors) =>
                ReadText(ref reader, "text", limits, ref errors) is { } text ? [text] : null);

    public static TextsRequest? ParseTexts(ReadOnlySequence<byte> body, ApiOptions limits, out ErrorBag errors) =>
        ParseObject(body, limits, "texts", """{"texts": ["...", "..."]}""", out errors, ReadTextArray);

    /// <summary>Reads an object whose one required field is <paramref name="field"/>, with the optional <see cref="AnswerOptions"/> fields.</summary>
    private static TextsRequest? ParseObject(
        ReadOnlySequence<byte> body, ApiOptions limits, string field, string shape, out ErrorBag errors, FieldReader read)
    {
        errors = new ErrorBag();
        if (body.IsEmpty)
        {
            errors.Add("body", $"The request body is empty; send a JSON object such as {shape}.");
            return null;
        }
        IReadOnlyList<string>? value = null;
        var options = new AnswerOptions();
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
                string? option = known ? null : AnswerOptions.Match(ref reader);
                reader.Read();
                if (known)
                {
                    seen = true;
                    value = read(ref reader, limits, ref errors);
                }
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
        return errors.Any || value is null ? null : new TextsRequest(value, options);
    }

    private static List<string>? ReadTextArray(ref Utf8JsonReader reader, ApiOptions limits, ref ErrorBag errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add("texts", $"'texts' must be an array of strings, not {Describe(reader.TokenType)}.");
            reader.Skip();
            return null;
        }
        var texts = new List<string>();
        int count = 0;
        while (reader.Read() && reader.TokenType != JsonTokenType.EndArray)
        {
            // Past the limit, only count: the reply names the limit, not every extra item.
            if (count++ >= limits.MaxTextsPerRequest)
            {
                reader.Skip();
                continue;
            }
            string field = $"texts[{count - 1}]";
            if (ReadText(ref reader, field, limits, ref errors) is { } text)
                texts.Add(text);
        }
        if (count == 0)
            errors.Add("texts", $"'texts' is empty; send 1 to {limits.MaxTextsPerRequest} texts (MaxTextsPerRequest).");
        else if (count > limits.MaxTextsPerRequest)
            errors.Add("texts", $"'texts' has {count} items; the limit is {limits.MaxTextsPerRequest} (MaxTextsPerRequest).");
        return texts;
    }

    private static string? ReadText(ref Utf8JsonReader reader, string field, ApiOptions limits, ref ErrorBag errors)
    {
        if (reader.TokenType != JsonTokenType.String)
        {
            errors.Add(field, reader.TokenType == JsonTokenType.Null
                ? $"'{field}' is required; it is null."
                : $"'{field}' must be a string, not {Describe(reader.TokenType)}.");
            reader.Skip();
            return null;
        }
        string text;
        try
        {
            text = reader.GetString()!;
        }
        catch (InvalidOperationException)
        {
            errors.Add(field, $"'{field}' is not valid Unicode: it holds invalid UTF-8 or a lone surrogate.");
            return null;
        }
        if (string.IsNullOrWhiteSpace(text))
            errors.Add(field, $"'{field}' is empty or only whitespace.");
        else if (text.Length > limits.MaxTextLength)
            errors.Add(field, $"'{field}' has {text.Length} characters; the limit is {limits.MaxTextLength} (MaxTextLength).");
        else
            return text;
        return null;
    }

    /// <summary>An escaped name may hold a lone surrogate, which no comparison can read.</summary>
    private static bool ValidName(ref Utf8JsonReader reader, ref ErrorBag errors)
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

    private static string Describe(JsonTokenType token) => token switch
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
