using System.Text.Json;

namespace Sentiment.TestKit;

/// <summary>
/// The foreign models in TestData/foreign (written by make_foreign_models.py): tiny PyTorch LSTMs
/// exported to ONNX, their Keras tokenizers, and the probabilities PyTorch gave for a list of texts.
/// </summary>
internal sealed record ForeignFixture(string Name, int MaxLength, string Padding, string Truncating)
{
    /// <summary>The tutorial layout: input_ids int64 [batch, 100], pre-padded and pre-truncated, softmax probabilities.</summary>
    public static readonly ForeignFixture KerasLayout = new("keras-layout", 100, "pre", "pre");

    /// <summary>int32 ids of any length fed 8 at a time, post-padded and post-truncated, logits out.</summary>
    public static readonly ForeignFixture PostLogits = new("post-logits", 8, "post", "post");

    /// <summary>A character-level tokenizer of Chinese reviews and one sigmoid unit for two labels.</summary>
    public static readonly ForeignFixture CharsSigmoid = new("chars-sigmoid", 60, "pre", "pre");

    public static readonly string[] Labels = ["negative", "positive"];

    public static string Folder => Path.Combine(AppContext.BaseDirectory, "TestData", "foreign");

    public string Onnx => Path.Combine(Folder, Name + ".onnx");

    public string Tokenizer => Path.Combine(Folder, Name + ".tokenizer.json");

    /// <summary>The texts and, per text, the probability of each label that PyTorch computed.</summary>
    public (string[] Texts, float[][] Probabilities) Expected()
    {
        using var expected = JsonDocument.Parse(File.ReadAllText(Path.Combine(Folder, Name + ".expected.json")));
        return (expected.RootElement.GetProperty("texts").Deserialize<string[]>()!,
            expected.RootElement.GetProperty("probabilities").Deserialize<float[][]>()!);
    }
}
