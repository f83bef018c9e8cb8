using System.Text.Json;
using System.Text.Json.Nodes;

namespace Sentiment.Core;

/// <summary>
/// Reads the file Keras' <c>Tokenizer.to_json()</c> writes (<c>keras_preprocessing.text</c>, also
/// <c>tf.keras.preprocessing.text</c>): its settings and word index become a <see cref="Vocabulary"/>
/// that encodes text as that tokenizer's <c>texts_to_sequences</c> does.
/// </summary>
public static class KerasTokenizerFile
{
    /// <summary>
    /// The vocabulary of the tokenizer in <paramref name="json"/>, with <paramref name="maxLength"/> and
    /// <paramref name="truncating"/> for what <c>pad_sequences</c> did after it.
    /// </summary>
    /// <exception cref="InvalidDataException">The file is not a Keras tokenizer, or one this tokenizer cannot repeat exactly.</exception>
    public static Vocabulary Read(string json, int maxLength, string truncating)
    {
        JsonObject config;
        try
        {
            var root = JsonNode.Parse(json) as JsonObject ?? throw new InvalidDataException("not a JSON object.");
            if (root["class_name"] is { } name && (string?)name != "Tokenizer")
                throw new InvalidDataException($"class_name is \"{name}\", expected \"Tokenizer\".");
            config = root["config"] as JsonObject ?? throw new InvalidDataException("has no \"config\" object (write it with tokenizer.to_json()).");
            var words = WordsById(config);
            // Keras keeps ids below num_words; None (or 0) keeps every word.
            int? numWords = (int?)config["num_words"];
            int limit = numWords is null or 0 ? words.Length + 1 : numWords.Value;
            var settings = new TokenizerSettings(
                NumWords: limit,
                MaxLength: maxLength,
                LowerCase: (bool?)config["lower"] ?? true,
                Filters: (string?)config["filters"] ?? TokenizerSettings.KerasFilters,
                Split: (string?)config["split"] ?? " ",
                OovToken: (string?)config["oov_token"],
                Truncating: truncating,
                CharLevel: (bool?)config["char_level"] ?? false);
            return Vocabulary.FromWords(words[..Math.Min(words.Length, Math.Max(0, limit - 1))], settings);
        }
        catch (Exception e) when (e is JsonException or FormatException or InvalidOperationException)
        {
            throw new InvalidDataException($"not a Keras tokenizer file: {e.Message}", e);
        }
        catch (ArgumentException e)
        {
            throw new InvalidDataException($"a tokenizer setting cannot be repeated exactly: {e.Message}", e);
        }
    }

    // word_index is itself a JSON string (json.dumps of a dict) mapping each word to its id.
    private static string[] WordsById(JsonObject config)
    {
        string index = (string?)config["word_index"] ?? throw new InvalidDataException("config has no \"word_index\" (fit the tokenizer first).");
        var ids = JsonSerializer.Deserialize<Dictionary<string, int>>(index) ?? throw new InvalidDataException("word_index is null.");
        var words = new string[ids.Count];
        foreach (var (word, id) in ids)
        {
            // A gap or a repeat means the OOV token was also a word of the texts and Keras moved it off id 1.
            if (id < 1 || id > words.Length || words[id - 1] is not null)
                throw new InvalidDataException($"word_index ids are not 1..{words.Length}, one each (\"{word}\" has {id}); is the oov_token also a word of the texts?");
            words[id - 1] = word;
        }
        return words;
    }
}
