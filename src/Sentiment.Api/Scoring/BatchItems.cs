using System.Text.Json;
using Sentiment.Api.Configuration;

namespace Sentiment.Api.Scoring;

/// <summary>
/// Reads the <c>texts</c> array of a batch: each item a string, or an object
/// <c>{"id"?, "text", "language"?, "model"?}</c>. A text that cannot be scored (empty, too long,
/// not valid Unicode) becomes that item's error; a wrong type, a missing <c>text</c> or too many
/// items fail the whole request, as a client bug rather than a bad document.
/// </summary>
internal static class BatchItems
{
    private const string Shape = "a string or an object such as {\"id\": \"1\", \"text\": \"...\"}";

    public static List<RequestItem>? ReadArray(ref Utf8JsonReader reader, ApiOptions limits, ref ErrorBag errors)
    {
        if (reader.TokenType != JsonTokenType.StartArray)
        {
            errors.Add("texts", $"'texts' must be an array of strings or objects, not {RequestParser.Describe(reader.TokenType)}.");
            reader.Skip();
            return null;
        }
        var items = new List<RequestItem>();
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
            if (Read(ref reader, field, limits, ref errors) is { } item)
                items.Add(item);
        }
        if (count == 0)
            errors.Add("texts", $"'texts' is empty; send 1 to {limits.MaxTextsPerRequest} texts (MaxTextsPerRequest).");
        else if (count > limits.MaxTextsPerRequest)
            errors.Add("texts", $"'texts' has {count} items; the limit is {limits.MaxTextsPerRequest} (MaxTextsPerRequest).");
        return items;
    }

    private static RequestItem? Read(ref Utf8JsonReader reader, string field, ApiOptions limits, ref ErrorBag errors)
    {
        switch (reader.TokenType)
        {
            case JsonTokenType.String:
                var (text, problem) = RequestParser.CheckText(ref reader, field, limits);
                return new RequestItem(text, Problem: problem);
            case JsonTokenType.StartObject:
                return ReadObject(ref reader, field, limits, ref errors);
            default:
                errors.Add(field, reader.TokenType == JsonTokenType.Null
                    ? $"'{field}' is null; send {Shape}."
                    : $"'{field}' must be {Shape}, not {RequestParser.Describe(reader.TokenType)}.");
                reader.Skip();
                return null;
        }
    }

    private static RequestItem? ReadObject(ref Utf8JsonReader reader, string field, ApiOptions limits, ref ErrorBag errors)
    {
        string? id = null, text = null;
        ItemProblem? problem = null;
        bool seen = false, valid = true;
        var hints = new RoutingHints();
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            if (!RequestParser.ValidName(ref reader, ref errors))
                return null;
            bool isId = reader.ValueTextEquals("id"), isText = reader.ValueTextEquals("text");
            string? hint = RoutingHints.NameOf(ref reader);
            reader.Read();
            if (isText)
            {
                seen = true;
                if (reader.TokenType == JsonTokenType.String)
                    (text, problem) = RequestParser.CheckText(ref reader, $"{field}.text", limits);
                else
                    valid &= RequestParser.ReadText(ref reader, $"{field}.text", limits, ref errors) is not null;
            }
            else if (isId)
                valid &= ReadId(ref reader, $"{field}.id", ref errors, out id);
            else if (hint is not null)
                hints.Read(hint, ref reader, $"{field}.{hint}", ref errors);
            else
                reader.Skip();
        }
        if (!seen)
            errors.Add($"{field}.text", $"'{field}.text' is required.");
        return valid && seen ? new RequestItem(text, hints.Language, hints.Model, id, problem) : null;
    }

    /// <summary>An id is the client's own string, echoed back as sent.</summary>
    private static bool ReadId(ref Utf8JsonReader reader, string field, ref ErrorBag errors, out string? id)
    {
        id = null;
        if (reader.TokenType == JsonTokenType.Null)
            return true;
        if (reader.TokenType == JsonTokenType.String)
        {
            try
            {
                id = reader.GetString();
                return true;
            }
            catch (InvalidOperationException)
            {
                errors.Add(field, $"'{field}' is not valid Unicode: it holds invalid UTF-8 or a lone surrogate.");
                return false;
            }
        }
        errors.Add(field, $"'{field}' must be a string, not {RequestParser.Describe(reader.TokenType)}.");
        reader.Skip();
        return false;
    }
}
