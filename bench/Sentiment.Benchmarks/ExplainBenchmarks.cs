using BenchmarkDotNet.Attributes;
using Sentiment.Inference;

namespace Sentiment.Benchmarks;

/// <summary>
/// One explained review: encoding with spans plus one model run of (words + 1) rows, against the
/// plain prediction of the same review; ONNX Runtime with 1 or 2 intra-op threads.
/// </summary>
[MemoryDiagnoser]
public class ExplainBenchmarks
{
    private SentimentScorer _scorer = null!;
    private OcclusionExplainer _explainer = null!;
    private string[] _review = [];

    [Params(1, 2)]
    public int Threads { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        _scorer = new SentimentScorer(BenchBundle.Load(), new ScorerOptions { IntraOpNumThreads = Threads });
        _explainer = new OcclusionExplainer(_scorer);
        _review = [Reviews.Make(30, seed: 1)];
    }

    [GlobalCleanup]
    public void Cleanup() => _scorer.Dispose();

    [Benchmark(Baseline = true)]
    public Prediction Predict() => _scorer.Predict(_review)[0];

    [Benchmark]
    public Explanation Explain() => _explainer.Explain(_review)[0];
}
