using System.Security.Cryptography;
using System.Text.Json.Nodes;
using Sentiment.Core;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Model bundles copied next to the tests by the project file.</summary>
public static class TestPaths
{
    public static string TinyBundle { get; } = Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-bundle");

    public static string ShippedModel { get; } = Path.Combine(AppContext.BaseDirectory, "ShippedModel");

    public static bool HasShippedModel => File.Exists(Path.Combine(ShippedModel, ModelManifest.FileName));

    public static ModelManifest TinyManifest { get; } = ModelManifest.Load(Path.Combine(TinyBundle, ModelManifest.FileName));

    /// <summary>A private copy of the tiny bundle that a test may damage.</summary>
    public static string CopyTinyBundle()
    {
        string directory = Path.Combine(Path.GetTempPath(), "sentiment-api-tests", Guid.NewGuid().ToString("N"));
        Directory.CreateDirectory(directory);
        foreach (var file in Directory.GetFiles(TinyBundle))
            File.Copy(file, Path.Combine(directory, Path.GetFileName(file)));
        return directory;
    }

    /// <summary>Changes a bundle's model.json.</summary>
    public static void UpdateManifest(string bundle, Action<JsonNode> change)
    {
        string path = Path.Combine(bundle, ModelManifest.FileName);
        var manifest = JsonNode.Parse(File.ReadAllText(path))!;
        change(manifest);
        File.WriteAllText(path, manifest.ToJsonString());
    }

    /// <summary>The hash model.json must give for a bundle file.</summary>
    public static string Sha256(string bundle, string file) =>
        Convert.ToHexStringLower(SHA256.HashData(File.ReadAllBytes(Path.Combine(bundle, file))));
}

/// <summary>
/// A fact that runs only when the shipped model (models/model.json) exists, and otherwise is
/// reported as skipped with the reason, never silently passed. xunit 2 has no dynamic skip, so
/// the decision is made when tests are discovered.
/// </summary>
public sealed class ShippedModelFactAttribute : FactAttribute
{
    public ShippedModelFactAttribute()
    {
        if (!TestPaths.HasShippedModel)
            Skip = Reason;
    }

    public const string Reason = "No shipped model: models/model.json does not exist in the repository yet.";
}

/// <summary>The theory form of <see cref="ShippedModelFactAttribute"/>.</summary>
public sealed class ShippedModelTheoryAttribute : TheoryAttribute
{
    public ShippedModelTheoryAttribute()
    {
        if (!TestPaths.HasShippedModel)
            Skip = ShippedModelFactAttribute.Reason;
    }
}
