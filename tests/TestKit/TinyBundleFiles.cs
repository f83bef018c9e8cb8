using System.Security.Cryptography;
using System.Text.Json.Nodes;

namespace Sentiment.TestKit;

/// <summary>
/// The committed tiny bundle (tests/TestData/tiny-bundle, copied next to the tests by each project
/// file), and writable copies of it for tests that damage one thing at a time.
/// </summary>
internal sealed class TinyBundleFiles : IDisposable
{
    /// <summary>Core's <c>ModelManifest.FileName</c>, which not every test project references (a Core test keeps them equal).</summary>
    public const string ManifestFile = "model.json";

    private readonly TempFolder _folder = new();

    private TinyBundleFiles()
    {
        foreach (string file in Directory.GetFiles(Committed))
            System.IO.File.Copy(file, File(System.IO.Path.GetFileName(file)));
    }

    public static string Committed { get; } = System.IO.Path.Combine(AppContext.BaseDirectory, "TestData", "tiny-bundle");

    /// <summary>A private copy of the committed bundle, deleted on dispose.</summary>
    public static TinyBundleFiles Copy() => new();

    public string Path => _folder.Path;

    public string File(string name) => _folder.File(name);

    /// <summary>Copies this bundle's files into <paramref name="folder"/> (created), for layouts of several bundles.</summary>
    public void CopyTo(string folder)
    {
        Directory.CreateDirectory(folder);
        foreach (string file in Directory.GetFiles(Path))
            System.IO.File.Copy(file, System.IO.Path.Combine(folder, System.IO.Path.GetFileName(file)), overwrite: true);
    }

    /// <summary>Edits the manifest as a JSON tree.</summary>
    public void EditManifest(Action<JsonNode> edit)
    {
        var manifest = JsonNode.Parse(System.IO.File.ReadAllText(File(ManifestFile)))!;
        edit(manifest);
        System.IO.File.WriteAllText(File(ManifestFile), manifest.ToJsonString());
    }

    /// <summary>Replaces a file and records its new hash in the manifest's <paramref name="section"/>, so only the content is wrong.</summary>
    public void Replace(string name, byte[] content, string section)
    {
        System.IO.File.WriteAllBytes(File(name), content);
        Rehash(name, section);
    }

    /// <summary>Records the current hash of <paramref name="name"/> in the manifest's <paramref name="section"/>.</summary>
    public void Rehash(string name, string section)
    {
        string hash = Sha256(File(name));
        EditManifest(m => m[section]!["sha256"] = hash);
    }

    /// <summary>
    /// Gives the manifest and the graph's <c>labels</c> metadata the same new labels, as an export with
    /// them would. The metadata entry is the last field LstmGraph writes (protobuf writes fields in
    /// number order), so it is cut off and a new one appended.
    /// </summary>
    public void Relabel(params string[] labels)
    {
        const string onnxFile = "sentiment.onnx";
        byte[] onnx = System.IO.File.ReadAllBytes(File(onnxFile));
        byte[] key = [0x0A, 6, .. "labels"u8];
        int at = onnx.AsSpan().LastIndexOf(key) - 2;
        if (at < 0 || onnx[at] != 0x72 || at + 2 + onnx[at + 1] != onnx.Length)
            throw new InvalidOperationException("the graph's labels metadata is not its last field.");
        byte[] value = System.Text.Encoding.UTF8.GetBytes(System.Text.Json.JsonSerializer.Serialize(labels));
        byte[] entry = [.. key, 0x12, OneByteLength(value.Length), .. value];
        Replace(onnxFile, [.. onnx.AsSpan(0, at), 0x72, OneByteLength(entry.Length), .. entry], "onnx");
        EditManifest(m => m["labels"] = new JsonArray([.. labels.Select(l => JsonValue.Create(l))]));
    }

    private static byte OneByteLength(int length) => length < 128
        ? (byte)length : throw new ArgumentException("labels this long need a longer protobuf length.");

    public static string Sha256(string path) => Convert.ToHexStringLower(SHA256.HashData(System.IO.File.ReadAllBytes(path)));

    public void Dispose() => _folder.Dispose();
}
