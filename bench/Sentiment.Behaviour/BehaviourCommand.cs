using System.CommandLine;
using Sentiment.Inference;

namespace Sentiment.Behaviour;

/// <summary>The <c>sentiment-behaviour</c> command line: expand the suite, score it with a bundle, print the table.</summary>
internal static class BehaviourCommand
{
    public static RootCommand Create(TextWriter output, TextWriter errors)
    {
        var model = new Option<string>("--model")
        {
            Description = "Model bundle folder (model.json, sentiment.onnx, vocab.json).",
            DefaultValueFactory = _ => "models",
        };
        var suite = new Option<string>("--suite")
        {
            Description = "Suite file; by default the bench/behaviour/suite.json copied beside this program.",
            DefaultValueFactory = _ => Path.Combine(AppContext.BaseDirectory, "suite.json"),
        };
        var showFailures = new Option<int>("--show-failures")
        {
            Description = "List up to N failed cases per row.",
            DefaultValueFactory = _ => 0,
        };
        showFailures.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 0)
                result.AddError("--show-failures must be at least 0.");
        });
        var json = new Option<string?>("--json") { Description = "Also write the figures to this JSON file." };

        var command = new RootCommand("Runs the CheckList-style behaviour suite through the scorer the API uses and prints the failure rate per capability.")
        {
            model, suite, showFailures, json,
        };
        command.SetAction(result =>
        {
            try
            {
                Run(output, result.GetRequiredValue(model), result.GetRequiredValue(suite), result.GetValue(showFailures), result.GetValue(json));
                return 0;
            }
            catch (Exception e) when (e is SuiteException or ModelBundleException)
            {
                errors.WriteLine($"error: {e.Message}");
                return 1;
            }
        });
        return command;
    }

    private static void Run(TextWriter output, string modelDirectory, string suitePath, int showFailures, string? jsonPath)
    {
        var suite = Suite.Load(suitePath);
        var cases = SuiteExpansion.Expand(suite);
        var bundle = ModelBundle.Load(modelDirectory);
        using var scorer = new SentimentScorer(bundle);
        var report = BehaviourScoring.Score(cases,
            texts => scorer.Predict(texts).Select(p => new Answer(p.IsUnknown ? Prediction.UnknownLabel : p.Label, p.IsUnknown ? 0 : p.Confidence)).ToList());

        var run = new RunInfo(suitePath, $"{bundle.Manifest.Name} {bundle.Manifest.Version}", bundle.Labels);
        output.Write(ReportFormat.Markdown(report, run, suite.Targets, showFailures));
        if (jsonPath is not null)
            File.WriteAllText(jsonPath, ReportFormat.Figures(report, run, suite.Targets));
    }
}
