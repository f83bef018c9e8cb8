using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

/// <summary>Occlusion agrees with scoring the text without the word, whatever else shares the run.</summary>
public sealed class OcclusionExplainerTests : IDisposable
{
    private readonly SentimentScorer _scorer = new(ModelBundle.Load(TinyBundleFiles.Committed));

    public void Dispose() => _scorer.Dispose();

    [Fact]
    public void Explain_EachReadWord_GivesTheProbabilitiesOfTheTextWithoutIt()
    {
        const string text = "The plot was boring but the acting was wonderful";
        var explanation = new OcclusionExplainer(_scorer).Explain([text])[0];

        Assert.Equal(_scorer.Predict(text).Probabilities, explanation.Prediction.Probabilities);
        for (int k = 0; k < explanation.Words.Words.Count; k++)
        {
            var word = explanation.Words.Words[k].Word;
            string rest = text.Remove(word.Offset, word.Length);
            Assert.Equal(_scorer.Predict(rest).Probabilities, explanation.Without[k]!, new FloatTolerance(1e-6f));
        }
    }

    [Fact]
    public void Explain_SignOfContribution_FollowsTheWordsSentiment()
    {
        var explanation = new OcclusionExplainer(_scorer).Explain(["the movie was wonderful but the plot was boring"])[0];
        int positive = _scorer.Bundle.Labels.ToList().IndexOf("positive");
        var words = explanation.Words.Words.Select(w => w.Word.Text).ToList();

        Assert.True(explanation.Contribution(words.IndexOf("wonderful"), positive) > 0);
        Assert.True(explanation.Contribution(words.IndexOf("boring"), positive) < 0);
    }

    [Fact]
    public void Explain_UnknownWordsAndTextsWithoutKnownWords_HaveNoVariant()
    {
        var explanations = new OcclusionExplainer(_scorer).Explain(["good zyzzyva", "zyzzyva qwerty"]);

        Assert.NotNull(explanations[0].Without[0]);
        Assert.Null(explanations[0].Without[1]);
        Assert.Equal(0f, explanations[0].Contribution(1, 0));
        Assert.True(explanations[1].Prediction.IsUnknown);
        Assert.All(explanations[1].Without, Assert.Null);
    }

    [Fact]
    public void Explain_WordsCutOffByTheMaximumLength_HaveNoVariant()
    {
        string text = string.Join(' ', Enumerable.Repeat("good", 5)) + " " + string.Join(' ', Enumerable.Repeat("bad", 20));
        var explanation = new OcclusionExplainer(_scorer).Explain([text])[0];

        Assert.True(explanation.Prediction.Truncated);
        Assert.All(explanation.Without.Take(5), Assert.Null); // maxLength 20 keeps the last 20 words
        Assert.All(explanation.Without.Skip(5), w => Assert.NotNull(w));
    }

    [Fact]
    public void Explain_TextsSharingARunOrSplitOverRuns_GiveTheSameAnswers()
    {
        string[] texts = ["good film", "the plot was boring and dull", "i loved it, the best movie", "awful"];
        var together = new OcclusionExplainer(_scorer).Explain(texts);
        var oneRowBudget = new OcclusionExplainer(_scorer, maxRowsPerRun: 1).Explain(texts);

        for (int i = 0; i < texts.Length; i++)
        {
            var alone = new OcclusionExplainer(_scorer).Explain([texts[i]])[0];
            foreach (var other in new[] { together[i], oneRowBudget[i] })
            {
                Assert.Equal(alone.Prediction.Probabilities, other.Prediction.Probabilities, new FloatTolerance(1e-6f));
                for (int k = 0; k < alone.Without.Count; k++)
                    Assert.Equal(alone.Without[k]!, other.Without[k]!, new FloatTolerance(1e-6f));
            }
        }
    }
}

/// <summary>Floats equal within an absolute tolerance.</summary>
internal sealed class FloatTolerance(float tolerance) : IEqualityComparer<float>
{
    public bool Equals(float x, float y) => Math.Abs(x - y) <= tolerance;

    public int GetHashCode(float value) => 0;
}
