using System.CommandLine;
using Sentiment.Core;

namespace Sentiment.Trainer.Cli;

/// <summary>Small builders so each command reads as a list of its options.</summary>
internal static class Options
{
    public static Option<T> WithDefault<T>(string name, string description, T defaultValue) =>
        new(name) { Description = description, DefaultValueFactory = _ => defaultValue };

    public static Option<string> Required(string name, string description) =>
        new(name) { Description = description, Required = true };

    public static Option<string?> Optional(string name, string description) => new(name) { Description = description };

    /// <summary>An integer option that must be at least <paramref name="minimum"/>.</summary>
    public static Option<int> AtLeast(string name, string description, int defaultValue, int minimum)
    {
        var option = WithDefault(name, description, defaultValue);
        option.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < minimum)
                result.AddError($"{name} must be at least {minimum}.");
        });
        return option;
    }

    /// <summary>A number that must lie in [<paramref name="low"/>, <paramref name="high"/>).</summary>
    public static Option<double> Between(string name, string description, double defaultValue, double low, double high)
    {
        var option = WithDefault(name, description, defaultValue);
        option.Validators.Add(result =>
        {
            double value = result.GetValueOrDefault<double>();
            if (!(value >= low && value < high))
                result.AddError($"{name} must be at least {low} and below {high}.");
        });
        return option;
    }

    /// <summary><c>--text-column</c>, the same in every command.</summary>
    public static Option<string> TextColumn() => WithDefault("--text-column", "Column holding the text.", "text");

    /// <summary><c>--label-column</c>, the same in every command that reads labels.</summary>
    public static Option<string> LabelColumn() => WithDefault("--label-column", "Column holding the label.", "label");

    /// <summary><c>--language</c>, the same in every command that writes a bundle.</summary>
    public static Option<string> Language()
    {
        var option = WithDefault("--language", "Language of the texts, an ISO 639-1 code in model.json (the service routes requests by it).",
            ModelManifest.DefaultLanguage);
        option.Validators.Add(result =>
        {
            if (!ModelManifest.IsLanguageCode(result.GetValueOrDefault<string>()))
                result.AddError("--language must be a two-letter lower-case ISO 639-1 code such as en or zh.");
        });
        return option;
    }

    /// <summary>The one thread-count default of the trainer: every processor.</summary>
    public static Option<int> Threads() => AtLeast("--threads",
        "CPU threads for TorchSharp and ONNX Runtime; results repeat exactly only with the same count.",
        Environment.ProcessorCount, 1);
}
