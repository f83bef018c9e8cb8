using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Sentiment.TestKit;

namespace Sentiment.Core.Tests;

/// <summary>
/// Compares the tokenizer with the real Keras Tokenizer run by the system Python on the varied texts
/// in TestData/keras-texts.json. Skipped, saying why, where python3-keras-preprocessing is not installed.
/// </summary>
public class KerasOracleTests
{
    private static readonly string[] WordTexts = Read("keras-texts.json");

    // Chinese reviews (one with a character outside the BMP) first, so they are among the fitted texts.
    private static readonly string[] CharTexts = [.. Read("keras-chinese-texts.json"), .. WordTexts];

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void FullVocabulary_RanksWordsExactlyAsKeras() => AssertSameAsKeras(numWords: 100_000, maxLength: 1000, oovToken: null);

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void CutOffVocabularyAndTruncation_MatchKeras() => AssertSameAsKeras(numWords: 60, maxLength: 12, oovToken: null);

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void OovToken_MatchesKeras() => AssertSameAsKeras(numWords: 40, maxLength: 15, oovToken: "<OOV>");

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void CharLevel_MatchesKeras() =>
        AssertSameAsKeras(numWords: 100_000, maxLength: 1000, oovToken: null, charLevel: true);

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void CharLevelWithOovAndCutOff_MatchesKeras() =>
        AssertSameAsKeras(numWords: 30, maxLength: 40, oovToken: "<OOV>", charLevel: true);

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void CharBigrams_MatchKerasFedTheTokenLists() =>
        AssertSameAsKeras(numWords: 400, maxLength: 60, oovToken: "<OOV>", charLevel: true, charBigrams: true);

    [PythonFact("keras_preprocessing", "python3-keras-preprocessing")]
    public void LowerCase_MatchesPythonForEveryCodePointPythonKnows()
    {
        var mapped = new JsonObject();
        Span<char> buffer = stackalloc char[4];
        for (int cp = 0; cp <= 0x10FFFF; cp++)
        {
            if (cp is >= 0xD800 and <= 0xDFFF)
                continue;
            string text = char.ConvertFromUtf32(cp);
            string lower = new(buffer[..PythonCase.ToLower(text, buffer)]);
            if (lower != text)
                mapped[cp.ToString(System.Globalization.CultureInfo.InvariantCulture)] = lower;
        }

        var answer = Ask(new JsonObject { ["mode"] = "lower", ["mapped"] = mapped });

        Assert.Empty(answer["mismatches"]!.AsArray().Select(m => (string)m!));
    }

    private static void AssertSameAsKeras(int numWords, int maxLength, string? oovToken, bool charLevel = false, bool charBigrams = false)
    {
        string[] texts = charLevel ? CharTexts : WordTexts;
        int fitCount = texts.Length * 3 / 4; // the rest have words the vocabulary never saw
        var answer = Ask(new JsonObject
        {
            ["mode"] = "tokenizer", ["texts"] = new JsonArray([.. texts.Select(t => JsonValue.Create(t))]),
            ["fitCount"] = fitCount, ["numWords"] = numWords, ["maxLength"] = maxLength, ["oovToken"] = oovToken,
            ["charLevel"] = charLevel, ["charBigrams"] = charBigrams,
        });
        var settings = new TokenizerSettings(NumWords: numWords, MaxLength: maxLength, OovToken: oovToken,
            CharLevel: charLevel, CharBigrams: charBigrams);
        var vocabulary = Vocabulary.Fit(texts.Take(fitCount), settings);
        var encoder = new TextEncoder(vocabulary, settings);

        string[] kerasRanking = [.. answer["ranking"]!.AsArray().Select(w => (string)w!)];
        Assert.Equal(kerasRanking.Take(numWords - 1), vocabulary.Words);
        var kerasSequences = answer["sequences"]!.AsArray();
        for (int i = 0; i < texts.Length; i++)
        {
            int[] expected = [.. kerasSequences[i]!.AsArray().Select(id => (int)id!)];
            Assert.True(expected.SequenceEqual(encoder.Encode(texts[i]).Ids),
                $"text {i} {JsonSerializer.Serialize(texts[i])}: Keras [{string.Join(",", expected)}], " +
                $"ours [{string.Join(",", encoder.Encode(texts[i]).Ids)}]");
        }
    }

    private static JsonNode Ask(JsonObject request)
    {
        var (exitCode, output, error) = Python.Run([TestFile("keras_oracle.py")], request.ToJsonString());
        Assert.True(exitCode == 0, $"keras_oracle.py failed: {error}");
        return JsonNode.Parse(output)!;
    }

    private static string[] Read(string name) => JsonSerializer.Deserialize<string[]>(File.ReadAllText(TestFile(name)))!;

    private static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
