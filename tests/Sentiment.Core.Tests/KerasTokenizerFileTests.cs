using System.Text.Json;
using System.Text.Json.Nodes;
using Sentiment.TestKit;

namespace Sentiment.Core.Tests;

/// <summary>
/// A tokenizer saved by the real Keras (<c>Tokenizer.to_json()</c>) encodes every text as that
/// tokenizer's <c>texts_to_sequences</c> and <c>pad_sequences</c> do.
/// </summary>
public class KerasTokenizerFileTests
{
    private static readonly string[] Texts = [.. Read("keras-chinese-texts.json"), .. Read("keras-texts.json")];

    [PythonTheory("keras_preprocessing", "python3-keras-preprocessing")]
    [InlineData(null, 50, "pre", null, false, true)]
    [InlineData(60, 12, "pre", "<OOV>", false, true)]
    [InlineData(60, 12, "post", null, false, false)]
    [InlineData(40, 30, "post", "<OOV>", true, true)]
    [InlineData(null, 80, "pre", null, true, false)]
    public void Read_EncodesAsKerasDoes(int? numWords, int maxLength, string truncating, string? oovToken, bool charLevel, bool lower)
    {
        int fitCount = Texts.Length * 3 / 4;
        var (exitCode, output, error) = Python.Run([TestFile("keras_oracle.py")], new JsonObject
        {
            ["mode"] = "json", ["texts"] = new JsonArray([.. Texts.Select(t => JsonValue.Create(t))]), ["fitCount"] = fitCount,
            ["numWords"] = numWords, ["maxLength"] = maxLength, ["truncating"] = truncating, ["oovToken"] = oovToken,
            ["charLevel"] = charLevel, ["lower"] = lower,
        }.ToJsonString());
        Assert.True(exitCode == 0, error);
        var answer = JsonNode.Parse(output)!;

        var vocabulary = KerasTokenizerFile.Read((string)answer["json"]!, maxLength, truncating);
        var encoder = new TextEncoder(vocabulary, vocabulary.Settings);

        Assert.Equal(charLevel, vocabulary.Settings.CharLevel);
        var sequences = answer["sequences"]!.AsArray();
        for (int i = 0; i < Texts.Length; i++)
            Assert.Equal(sequences[i]!.AsArray().Select(id => (int)id!), encoder.Encode(Texts[i]).Ids);
    }

    [Theory]
    [InlineData("[]", "not a JSON object")]
    [InlineData("{\"class_name\": \"Sequential\", \"config\": {}}", "class_name")]
    [InlineData("{\"config\": {}}", "word_index")]
    [InlineData("{\"config\": {\"word_index\": \"{\\\"a\\\": 1, \\\"b\\\": 3}\"}}", "ids are not 1..2")]
    [InlineData("{\"config\": {\"split\": \"ab\", \"word_index\": \"{\\\"a\\\": 1}\"}}", "split must be exactly one character")]
    [InlineData("{\"config\": {\"word_index\": 5}}", "not a Keras tokenizer file")]
    public void Read_UnusableFile_ThrowsSayingWhy(string json, string expected) =>
        Assert.Contains(expected, Assert.Throws<InvalidDataException>(() => KerasTokenizerFile.Read(json, 10, "pre")).Message);

    [Fact]
    public void Read_OovTokenMovedOffIdOne_IsRefused()
    {
        // What Keras writes when the OOV token is also a word of the texts: id 1 is lost.
        const string json = "{\"config\": {\"oov_token\": \"x\", \"word_index\": \"{\\\"x\\\": 2, \\\"a\\\": 3}\"}}";

        Assert.Contains("oov_token", Assert.Throws<InvalidDataException>(() => KerasTokenizerFile.Read(json, 10, "pre")).Message);
    }

    private static string[] Read(string name) => JsonSerializer.Deserialize<string[]>(File.ReadAllText(TestFile(name)))!;

    private static string TestFile(string name) => Path.Combine(AppContext.BaseDirectory, "TestData", name);
}
