using Sentiment.Inference;

namespace Sentiment.Behaviour;

/// <summary>A model's answer for one sentence.</summary>
internal sealed record Answer(string Label, float Confidence);

internal sealed record CaseResult(BehaviourCase Case, IReadOnlyList<Answer> Answers, bool Failed);

/// <summary>Cases and failures; the rate is a fraction.</summary>
internal sealed record Tally(int Cases, int Failures)
{
    public double FailureRate => Cases == 0 ? 0 : (double)Failures / Cases;

    public static Tally Of(IEnumerable<CaseResult> results)
    {
        int cases = 0, failures = 0;
        foreach (var result in results)
        {
            cases++;
            failures += result.Failed ? 1 : 0;
        }
        return new Tally(cases, failures);
    }
}

/// <summary>One table row: a capability's cases of one test type.</summary>
internal sealed record CapabilityRow(string Capability, TestType Type, int Sentences, Tally Tally, IReadOnlyList<CaseResult> Failures);

internal sealed record BehaviourReport(IReadOnlyList<CaseResult> Results)
{
    public const string Neutral = "neutral";

    public int Sentences => Results.Sum(r => r.Case.Texts.Count);

    public Tally Overall => Tally.Of(Results);

    /// <summary>Without the MFT cases that expect neutral, the only fair overall figure for a binary model.</summary>
    public Tally WithoutNeutral => Tally.Of(Results.Where(r => r.Case.Expected != Neutral));

    /// <summary>Rows in the order the suite lists them.</summary>
    public IReadOnlyList<CapabilityRow> Rows => Results
        .GroupBy(r => (r.Case.Capability, r.Case.Type))
        .Select(g => new CapabilityRow(g.Key.Capability, g.Key.Type, g.Sum(r => r.Case.Texts.Count), Tally.Of(g),
            g.Where(r => r.Failed).ToList()))
        .ToList();

    public bool Meets(SuiteTargets targets) =>
        Overall.FailureRate <= targets.OverallFailureRate && Rows.All(row => row.Tally.FailureRate <= targets.CapabilityFailureRate);
}

internal static class BehaviourScoring
{
    /// <summary>What the model answers for a text with no known word.</summary>
    public const string Unknown = Prediction.UnknownLabel;

    /// <summary>
    /// An MFT case fails unless its sentence gets the expected label; an INV case fails unless every
    /// variant gets the first variant's label. An <c>unknown</c> answer never passes: it states no
    /// sentiment, so it shows neither the label nor the invariance.
    /// </summary>
    public static bool Fails(BehaviourCase behaviourCase, IReadOnlyList<Answer> answers)
    {
        if (answers.Count != behaviourCase.Texts.Count)
            throw new ArgumentException($"{answers.Count} answers for {behaviourCase.Texts.Count} texts.", nameof(answers));
        string expected = behaviourCase.Expected ?? answers[0].Label;
        return answers.Any(a => a.Label == Unknown || a.Label != expected);
    }

    /// <summary>Scores every sentence in one call to <paramref name="predict"/>, then judges each case.</summary>
    public static BehaviourReport Score(IReadOnlyList<BehaviourCase> cases, Func<IReadOnlyList<string>, IReadOnlyList<Answer>> predict)
    {
        var texts = cases.SelectMany(c => c.Texts).ToList();
        var answers = predict(texts);
        if (answers.Count != texts.Count)
            throw new InvalidOperationException($"the model gave {answers.Count} answers for {texts.Count} texts.");

        var results = new List<CaseResult>(cases.Count);
        int next = 0;
        foreach (var behaviourCase in cases)
        {
            var own = answers.Skip(next).Take(behaviourCase.Texts.Count).ToList();
            next += own.Count;
            results.Add(new CaseResult(behaviourCase, own, Fails(behaviourCase, own)));
        }
        return new BehaviourReport(results);
    }
}
