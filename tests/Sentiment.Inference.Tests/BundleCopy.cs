using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sentiment.Inference.Tests;

/// <summary>A writable copy of the tiny bundle for tests that break one thing at a time.</summary>
internal sealed class BundleCopy : IDisposable
{
    private readonly TempDirectory _directory = new();

    public BundleCopy()
    {
        foreach (string file in TinyBundleTests.Files)
            System.IO.File.Copy(System.IO.Path.Combine(TinyBundleTests.CommittedDirectory, file), _directory.File(file));
    }

    public string Path => _directory.Path;

    public string File(string name) => _directory.File(name);

    /// <summary>Edits model.json as a JSON tree.</summary>
    public void EditManifest(Action<JsonNode> edit)
    {
        var manifest = JsonNode.Parse(System.IO.File.ReadAllText(File("model.json")))!;
        edit(manifest);
        System.IO.File.WriteAllText(File("model.json"), manifest.ToJsonString());
    }

    /// <summary>Replaces a file and records its new hash, so only the content is wrong.</summary>
    public void Replace(string name, byte[] content, string section)
    {
        System.IO.File.WriteAllBytes(File(name), content);
        EditManifest(m => m[section]!["sha256"] = Convert.ToHexStringLower(SHA256.HashData(content)));
    }

    public void Dispose() => _directory.Dispose();
}
