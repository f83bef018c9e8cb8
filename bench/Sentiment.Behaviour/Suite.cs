using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentiment.Behaviour;

/// <summary>CheckList test types: a minimum functionality test has a label; an invariance test has a slot to vary.</summary>
internal enum TestType { MFT, INV }

/// <summary>A behaviour suite as written in <c>bench/behaviour/suite.json</c>.</summary>
internal sealed record Suite(string Description, SuiteTargets Targets, IReadOnlyList<Capability> Capabilities)
{
    /// <summary>The labels a test may expect; <c>unknown</c> is never one of them.</summary>
    public static readonly string[] Labels = ["negative", "neutral", "positive"];

    private static readonly JsonSerializerOptions Json = new(JsonSerializerDefaults.Web)
    {
        Converters = { new JsonStringEnumConverter() },
        RespectNullableAnnotations = true,
        RespectRequiredConstructorParameters = true,
        UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow, // a misspelt key is an error, not a silent default
    };

    /// <exception cref="SuiteException">The file is missing, is not valid JSON, or breaks a rule of <see cref="Validate"/>.</exception>
    public static Suite Load(string path)
    {
        if (!File.Exists(path))
            throw new SuiteException(path, "the file is missing.");
        Suite suite;
        try
        {
            suite = JsonSerializer.Deserialize<Suite>(File.ReadAllBytes(path), Json)
                ?? throw new SuiteException(path, "the file holds null.");
        }
        catch (JsonException e)
        {
            throw new SuiteException(path, e.Message, e);
        }
        suite.Validate(path);
        return suite;
    }

    /// <summary>Checks what the JSON shape cannot: labels, slots, and what each test type needs.</summary>
    public void Validate(string path)
    {
        if (Capabilities.Count == 0)
            throw new SuiteException(path, "there are no capabilities.");
        foreach (var capability in Capabilities)
        {
            if (capability.Tests.Count == 0)
                throw new SuiteException(path, $"capability \"{capability.Name}\" has no tests.");
            foreach (var test in capability.Tests)
                test.Validate(path, $"\"{capability.Name}\" / \"{test.Name}\"");
        }
    }
}

/// <summary>The failure rates the model is judged against, as fractions.</summary>
internal sealed record SuiteTargets(double OverallFailureRate, double CapabilityFailureRate);

internal sealed record Capability(string Name, IReadOnlyList<SuiteTest> Tests);

/// <summary>Templates with <c>{slot}</c> placeholders, filled from <see cref="Slots"/>.</summary>
internal sealed record SuiteTest(
    string Name,
    TestType Type,
    IReadOnlyList<string> Templates,
    string? Label = null,
    string? Vary = null,
    IReadOnlyDictionary<string, string[]>? Slots = null)
{
    public IReadOnlyDictionary<string, string[]> Fillers => Slots ?? new Dictionary<string, string[]>();

    public void Validate(string path, string where)
    {
        if (Templates.Count == 0)
            throw new SuiteException(path, $"{where} has no templates.");
        if (Type == TestType.MFT && (Label is null || !Suite.Labels.Contains(Label)))
            throw new SuiteException(path, $"{where} is an MFT and needs a label, one of {string.Join(", ", Suite.Labels)}; was \"{Label}\".");
        if (Type == TestType.INV && Label is not null)
            throw new SuiteException(path, $"{where} is an INV: its label is the first variant's, so it takes none.");
        if (Type == TestType.INV && (Vary is null || !Fillers.TryGetValue(Vary, out var variants) || variants.Length < 2))
            throw new SuiteException(path, $"{where} is an INV and needs \"vary\" naming a slot with at least two values.");
        if (Type == TestType.MFT && Vary is not null)
            throw new SuiteException(path, $"{where} is an MFT; \"vary\" belongs to INV tests.");

        var used = new HashSet<string>();
        foreach (string template in Templates)
        {
            var slots = Template.Slots(template);
            foreach (string slot in slots)
            {
                if (!Fillers.TryGetValue(slot, out var values) || values.Length == 0)
                    throw new SuiteException(path, $"{where}: template \"{template}\" uses {{{slot}}}, which has no values.");
            }
            if (Vary is not null && !slots.Contains(Vary))
                throw new SuiteException(path, $"{where}: template \"{template}\" does not use {{{Vary}}}, the slot it varies.");
            used.UnionWith(slots);
        }
        foreach (string slot in Fillers.Keys.Where(s => !used.Contains(s)))
            throw new SuiteException(path, $"{where}: slot \"{slot}\" is used by no template.");
    }
}

/// <summary>A suite file that cannot be used; the message names the file and the rule broken.</summary>
internal sealed class SuiteException(string path, string message, Exception? inner = null)
    : Exception($"{path}: {message}", inner);
