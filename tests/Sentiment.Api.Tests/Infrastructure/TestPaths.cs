using Sentiment.Core;
using Sentiment.TestKit;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>Model bundles copied next to the tests by the project file.</summary>
public static class TestPaths
{
    public static string TinyBundle => TinyBundleFiles.Committed;

    /// <summary>The service binary, copied next to the tests by the project reference.</summary>
    public static string Api { get; } = Path.Combine(AppContext.BaseDirectory, "Sentiment.Api.dll");

    public static string ShippedModel { get; } = Path.Combine(AppContext.BaseDirectory, "ShippedModel");

    /// <summary>The shipped Chinese bundle, served beside the default one from its sub-folder.</summary>
    public static string ShippedChineseModel { get; } = Path.Combine(ShippedModel, "zh");

    public static bool HasShippedModel => File.Exists(Path.Combine(ShippedModel, ModelManifest.FileName));

    public static ModelManifest TinyManifest { get; } = ModelManifest.Load(Path.Combine(TinyBundle, ModelManifest.FileName));
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
