using BenchmarkDotNet.Attributes;
using Sentiment.Core;

namespace Sentiment.Benchmarks;

/// <summary>Text to ids: lower-casing, splitting and vocabulary lookup of one review.</summary>
[MemoryDiagnoser]
public class TokenizerBenchmarks
{
    private TextEncoder _encoder = null!;
    private string _review = "";

    [Params(30, 200)]
    public int Words { get; set; }

    [GlobalSetup]
    public void Setup()
    {
        var settings = new TokenizerSettings();
        var reviews = Enumerable.Range(0, 200).Select(seed => Reviews.Make(200, seed)).ToList();
        _encoder = new TextEncoder(Vocabulary.Fit(reviews, settings), settings);
        _review = Reviews.Make(Words, seed: 1000);
    }

    [Benchmark]
    public EncodedText Encode() => _encoder.Encode(_review);
}
