using Sentiment.Api.Explaining;
using Sentiment.Inference;

namespace Sentiment.Api.Tests.Unit;

/// <summary>Azure's rule (a positive and a negative sentence make a text mixed), with a confidence bar.</summary>
public sealed class MixedRuleTests
{
    private const int Negative = 0, Neutral = 1, Positive = 2;

    private static Prediction Sentence(int label, float confidence, int known = 3) =>
        new(label, label.ToString(), confidence, [0, 0, 0], 3, known, false);

    [Theory]
    [InlineData(Positive, 0.9f, Negative, 0.8f, true)]
    [InlineData(Positive, 0.9f, Negative, 0.59f, false)] // the negative sentence is unsure
    [InlineData(Positive, 0.9f, Neutral, 0.9f, false)]
    [InlineData(Positive, 0.9f, Positive, 0.9f, false)]
    [InlineData(Negative, 0.6f, Positive, 0.6f, true)] // the bar is inclusive
    public void IsMixed_TwoSentences(int first, float firstConfidence, int second, float secondConfidence, bool mixed) =>
        Assert.Equal(mixed, MixedRule.IsMixed([Sentence(first, firstConfidence), Sentence(second, secondConfidence)], Positive, Negative, 0.6));

    [Fact]
    public void IsMixed_SentenceWithNoKnownWord_DoesNotCount() =>
        Assert.False(MixedRule.IsMixed([Sentence(Positive, 0.9f), Sentence(Negative, 0.9f, known: 0)], Positive, Negative, 0.6));

    [Fact]
    public void IsMixed_ModelWithoutPositiveAndNegative_IsNeverMixed() =>
        Assert.False(MixedRule.IsMixed([Sentence(0, 0.9f), Sentence(1, 0.9f)], -1, 1, 0.6));
}
