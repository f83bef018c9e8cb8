using BenchmarkDotNet.Attributes;
using BenchmarkDotNet.Configs;
using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Benchmarks;

/// <summary>The model alone: ONNX Runtime scoring of pre-encoded reviews, one thread.</summary>
[MemoryDiagnoser]
[Config(typeof(TextsPerSecondConfig))]
public class ScorerBenchmarks
{
    private SentimentScorer _scorer = null!;
    private EncodedText[] _batch = [];
    private float[] _probabilities = [];

    [Params(1, 32)]
    public int Batch { get; set; }

    [Params(30, 200)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scorer = new SentimentScorer(BenchBundle.Load(), new ScorerOptions { IntraOpNumThreads = 1 });
        _batch = [.. Enumerable.Range(0, Batch).Select(seed => _scorer.Bundle.Encoder.Encode(Reviews.Make(Words, seed)))];
        _probabilities = new float[Batch * _scorer.Classes];
    }

    [GlobalCleanup]
    public void Cleanup() => _scorer.Dispose();

    [Benchmark]
    public void Score() => _scorer.Score(_batch, _probabilities);

    private sealed class TextsPerSecondConfig : ManualConfig
    {
        public TextsPerSecondConfig() => AddColumn(new TextsPerSecondColumn());
    }
}
