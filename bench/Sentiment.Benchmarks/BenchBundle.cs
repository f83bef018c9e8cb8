using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Benchmarks;

/// <summary>
/// The bundle to measure: SENTIMENT_BENCH_BUNDLE (a trained model folder) when set, otherwise a
/// bundle of production size (2500 rows, 128-wide embedding, 196 LSTM units) with random weights,
/// written once to the temp folder. Speed does not depend on the weight values.
/// </summary>
internal static class BenchBundle
{
    public static ModelBundle Load()
    {
        string? path = Environment.GetEnvironmentVariable("SENTIMENT_BENCH_BUNDLE");
        if (!string.IsNullOrEmpty(path))
            return ModelBundle.Load(path);
        string directory = Path.Combine(Path.GetTempPath(), "sentiment-bench-bundle");
        if (!File.Exists(Path.Combine(directory, ModelManifest.FileName)))
            Write(directory);
        return ModelBundle.Load(directory);
    }

    private static void Write(string directory)
    {
        var settings = new TokenizerSettings();
        // English review words first, then filler words up to numWords - 1.
        var words = Reviews.English.Distinct().Concat(Enumerable.Range(0, settings.NumWords).Select(i => $"word{i}"))
            .Take(settings.NumWords - 1).ToArray();
        using var json = new MemoryStream(System.Text.Json.JsonSerializer.SerializeToUtf8Bytes(words));
        var vocabulary = Vocabulary.Load(json, settings);

        var random = new Random(1);
        float[] Noise(int count) => [.. Enumerable.Range(0, count).Select(_ => (float)(random.NextDouble() - 0.5) * 0.2f)];
        int rows = vocabulary.EmbeddingRows, dim = 128, hidden = 196, classes = 2;
        var weights = new LstmWeights(rows, dim, hidden, classes, Noise(rows * dim), Noise(4 * hidden * dim),
            Noise(4 * hidden * hidden), Noise(4 * hidden), Noise(4 * hidden), Noise(classes * hidden), Noise(classes));
        BundleWriter.Write(directory, vocabulary, weights, ["negative", "positive"], new BundleDetails(Name: "bench-random", Version: "0.0.0-bench"));
    }
}
