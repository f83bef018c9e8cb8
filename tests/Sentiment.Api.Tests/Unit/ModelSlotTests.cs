using Sentiment.Api.Configuration;
using Sentiment.Api.Serving;
using Sentiment.Api.Tests.Infrastructure;
using Sentiment.Inference;
using Sentiment.TestKit;

namespace Sentiment.Api.Tests.Unit;

public sealed class ModelSlotTests : IDisposable
{
    private readonly TinyBundleFiles _bundle = TinyBundleFiles.Copy();
    private readonly ModelSlot _slot;

    public ModelSlotTests()
    {
        _slot = new ModelSlot(_bundle.Path, Start);
        _slot.Start(ModelBundle.Load(_bundle.Path), BundleFingerprint.Of(_bundle.Path));
    }

    public void Dispose()
    {
        _slot.RetireAsync().Wait();
        _bundle.Dispose();
    }

    private static LoadedModel Start(ModelBundle bundle)
    {
        var scorer = new SentimentScorer(bundle);
        var explainer = new OcclusionExplainer(scorer);
        return new LoadedModel(new ServedModel(bundle.Manifest), scorer,
            new MicroBatcher<Prediction>(texts => scorer.Predict(texts), new BatchingOptions { Workers = 1 }),
            new MicroBatcher<Explanation>(texts => explainer.Explain(texts), new BatchingOptions { Workers = 1 }));
    }

    [Fact]
    public async Task AfterAReload_TheNewVersionExplains_AndTheOldFinishesItsExplanationFirst()
    {
        var old = _slot.Acquire()!; // an explained request that has started
        _bundle.EditManifest(m => m["version"] = "2.0.0");
        Assert.True(_slot.Reload().Succeeded);
        var live = _slot.Acquire()!;

        var before = await old.ExplainAsync(old.Explainer.TryEnqueue(["a good film"])!, Task.FromResult(Array.Empty<Prediction>()));
        var after = await live.ExplainAsync(live.Explainer.TryEnqueue(["a good film"])!, live.Batcher.TryEnqueue(["good"])!);

        Assert.Equal(TestPaths.TinyManifest.Version, before.Model.Version);
        Assert.Equal("2.0.0", after.Model.Version);
        Assert.Equal(3, after.Explanations.Single().Words.Words.Count);
        Assert.Single(after.Predictions);
        await old.Disposed.WaitAsync(TimeSpan.FromSeconds(10));
        Assert.False(live.Disposed.IsCompleted);
    }

    [Fact]
    public async Task ARetiredVersion_FinishesItsRequest_AndIsDisposedOnlyAfterIt()
    {
        var old = _slot.Acquire()!; // a request that has started
        _bundle.EditManifest(m => m["version"] = "2.0.0");

        var outcome = _slot.Reload();

        Assert.True(outcome.Succeeded, outcome.Reason);
        Assert.Equal("2.0.0", _slot.Live!.Served.Version);
        Assert.False(old.Disposed.IsCompleted, "the old session was disposed while a request still used it");
        var scored = await old.ScoreAsync(old.Batcher.TryEnqueue(["a good film"])!);
        Assert.Equal(TestPaths.TinyManifest.Version, scored.Model.Version);
        await old.Disposed.WaitAsync(TimeSpan.FromSeconds(10));
    }

    [Fact]
    public void ARefusedReload_LeavesTheLiveVersionInPlace()
    {
        var live = _slot.Live!;
        File.Delete(_bundle.File("sentiment.onnx"));

        var outcome = _slot.Reload();

        Assert.False(outcome.Succeeded);
        Assert.Equal(_bundle.File("sentiment.onnx"), outcome.File);
        Assert.Same(live, _slot.Live);
        Assert.False(live.Disposed.IsCompleted);
    }

    [Fact]
    public void TheFingerprint_ChangesWhenAFileIsReplaced()
    {
        string before = BundleFingerprint.Of(_bundle.Path);

        _bundle.EditManifest(m => m["version"] = "2.0.0-longer");

        Assert.NotEqual(before, BundleFingerprint.Of(_bundle.Path));
    }
}
