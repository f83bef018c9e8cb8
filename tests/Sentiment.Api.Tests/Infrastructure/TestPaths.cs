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
            Skip = "No shipped model: models/model.json does not exist in the repository yet.";
    }
}
