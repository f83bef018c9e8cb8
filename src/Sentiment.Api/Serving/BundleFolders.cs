using Sentiment.Core;

namespace Sentiment.Api.Serving;

/// <summary>
/// Where the bundles are under the models root: the root itself when it holds a <c>model.json</c>
/// (the single-model layout, and the default model), then every immediate sub-folder holding one,
/// in ordinal order of their names. Deeper folders are not searched.
/// </summary>
internal static class BundleFolders
{
    public static IReadOnlyList<string> Find(string root)
    {
        var found = new List<string>();
        if (File.Exists(Path.Combine(root, ModelManifest.FileName)))
            found.Add(root);
        if (Directory.Exists(root))
            found.AddRange(Directory.GetDirectories(root)
                .Where(folder => File.Exists(Path.Combine(folder, ModelManifest.FileName)))
                .Order(StringComparer.Ordinal));
        // None: the root, so the refusal names the manifest missing there, as with one bundle.
        return found.Count > 0 ? found : [root];
    }
}
