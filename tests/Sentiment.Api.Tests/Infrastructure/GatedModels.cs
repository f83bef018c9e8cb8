using System.Collections.Concurrent;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Sentiment.Api.Configuration;
using Sentiment.Api.Serving;
using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>
/// The tiny model in English (the default) and as tiny-zh, each with a real scoring and explaining
/// micro-batcher of one worker and one text per run, whose runs wait for <see cref="Gate"/>: texts
/// can be held in every queue. Answers as <see cref="FakeSentimentModel.Predict"/>; explanations have no variants.
/// </summary>
public sealed class GatedModels : ISentimentModel, IDisposable
{
    private static readonly Lazy<TextEncoder> Encoder = new(() => ModelBundle.Load(TestPaths.TinyBundle).Encoder);
    private readonly Dictionary<string, (MicroBatcher<Prediction> Scoring, MicroBatcher<Prediction> Explaining)> _queues = [];

    public GatedModels(int queueCapacity = 4096)
    {
        Models = [new(TestPaths.TinyManifest), new(TestPaths.TinyManifest with { Name = "tiny-zh", Language = "zh" })];
        var options = new BatchingOptions { Workers = 1, MaxInferenceBatch = 1, QueueCapacity = queueCapacity };
        foreach (var model in Models)
            _queues[model.Name] = (new(Run, options), new(Run, options));
    }

    public ManualResetEventSlim Gate { get; } = new();

    public ManualResetEventSlim Started { get; } = new();

    public ConcurrentQueue<string> Scored { get; } = new();

    public ServedModel? Current => Models[0];

    public IReadOnlyList<ServedModel> Models { get; }

    public bool Ready => true;

    /// <summary>Texts waiting in each queue, scoring and explaining of each model, in <see cref="Models"/> order.</summary>
    public int[] QueueLengths => [.. _queues.Values.SelectMany(q => new[] { q.Scoring.QueueLength, q.Explaining.QueueLength })];

    public Task<Scored>? TryScore(IReadOnlyList<string> texts, string? model = null, CancellationToken aborted = default)
    {
        var served = Served(model);
        return _queues[served.Name].Scoring.TryEnqueue(texts, aborted) is { } scoring ? ScoreAsync(served, scoring) : null;
    }

    private static async Task<Scored> ScoreAsync(ServedModel served, Task<Prediction[]> scoring) => new(served, await scoring);

    public Task<Explained>? TryExplain(IReadOnlyList<string> texts, IReadOnlyList<string> alsoScore, string? model = null,
        CancellationToken aborted = default)
    {
        var served = Served(model);
        var (scoringQueue, explainingQueue) = _queues[served.Name];
        if (explainingQueue.TryEnqueue(texts, aborted) is not { } explaining || scoringQueue.TryEnqueue(alsoScore, aborted) is not { } scoring)
            return null;
        return ExplainAsync(served, texts, explaining, scoring);
    }

    private static async Task<Explained> ExplainAsync(ServedModel served, IReadOnlyList<string> texts,
        Task<Prediction[]> explaining, Task<Prediction[]> scoring)
    {
        var predictions = await explaining;
        var explanations = texts.Select((text, i) =>
        {
            var words = Encoder.Value.EncodeWords(text);
            return new Explanation(predictions[i], words, new float[]?[words.Words.Count]);
        });
        return new Explained(served, [.. explanations], await scoring);
    }

    private ServedModel Served(string? model) => Models.First(m => model is null || m.Name == model);

    private Prediction[] Run(ArraySegment<string> texts)
    {
        Started.Set();
        Gate.Wait();
        foreach (var text in texts)
            Scored.Enqueue(text);
        return [.. texts.Select(FakeSentimentModel.Predict)];
    }

    public void Dispose()
    {
        Gate.Set(); // a failed assertion must not leave a worker blocked
        foreach (var (scoring, explaining) in _queues.Values)
        {
            scoring.Dispose();
            explaining.Dispose();
        }
        Gate.Dispose();
        Started.Dispose();
    }
}

/// <summary>The service over <see cref="GatedModels"/>.</summary>
public sealed class GatedModelsFactory(GatedModels models) : WebApplicationFactory<Program>
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseSetting("Serilog:MinimumLevel:Default", "Warning");
        builder.ConfigureTestServices(services =>
        {
            services.RemoveAll<ISentimentModel>();
            services.AddSingleton<ISentimentModel>(models);
        });
    }
}
