using Google.Protobuf;
using Sentiment.Core;
using Sentiment.Inference.Onnx;

namespace Sentiment.Inference;

/// <summary>
/// A model folder (<c>model.json</c>, <c>sentiment.onnx</c>, <c>vocab.json</c>) loaded and checked:
/// hashes, vocabulary size against embedding rows, labels against output classes, and the graph's
/// input and output names, types and shapes.
/// </summary>
public sealed class ModelBundle
{
    private byte[]? _onnxBytes;

    private ModelBundle(string directory, ModelManifest manifest, TextEncoder encoder, byte[] onnxBytes)
    {
        Directory = directory;
        Manifest = manifest;
        Encoder = encoder;
        OnnxPath = Path.Combine(directory, manifest.Onnx.File);
        _onnxBytes = onnxBytes;
    }

    /// <summary>
    /// The graph as checked against model.json. The bytes read at load are handed over once (a session
    /// copies them), so a file replaced after the check is never run; a later call reads the file again
    /// and checks its hash again.
    /// </summary>
    internal byte[] CheckedOnnxBytes() =>
        Interlocked.Exchange(ref _onnxBytes, null) ?? ReadFile(OnnxPath, Manifest.Onnx.Sha256);

    /// <summary>The bundle folder.</summary>
    public string Directory { get; }

    /// <summary>The checked <c>model.json</c>.</summary>
    public ModelManifest Manifest { get; }

    /// <summary>Turns text into this model's ids.</summary>
    public TextEncoder Encoder { get; }

    /// <summary>Class labels in output order.</summary>
    public IReadOnlyList<string> Labels => Manifest.Labels;

    /// <summary>Full path of the ONNX graph.</summary>
    public string OnnxPath { get; }

    /// <summary>Loads and checks the bundle in <paramref name="directory"/>.</summary>
    /// <exception cref="ModelBundleException">A file is missing, altered or inconsistent; the message names it.</exception>
    public static ModelBundle Load(string directory)
    {
        ArgumentException.ThrowIfNullOrEmpty(directory);
        if (!System.IO.Directory.Exists(directory))
            throw new ModelBundleException(directory, "the model folder does not exist.");

        string manifestPath = Path.Combine(directory, ModelManifest.FileName);
        byte[] manifestBytes = ReadFile(manifestPath, expectedSha256: null);
        var manifest = Guard(manifestPath, () => ModelManifest.Load(new MemoryStream(manifestBytes)));
        string vocabularyPath = BundleFile(directory, manifest.Vocabulary.File, "vocabulary.file", manifestPath);
        string onnxPath = BundleFile(directory, manifest.Onnx.File, "onnx.file", manifestPath);

        byte[] vocabularyBytes = ReadFile(vocabularyPath, manifest.Vocabulary.Sha256);
        var vocabulary = Guard(vocabularyPath, () => Vocabulary.Load(new MemoryStream(vocabularyBytes), manifest.Tokenizer));
        if (vocabulary.Words.Count != manifest.Vocabulary.Size)
            throw new ModelBundleException(vocabularyPath,
                $"holds {vocabulary.Words.Count} words but model.json says vocabulary.size is {manifest.Vocabulary.Size}.");

        byte[] onnxBytes = ReadFile(onnxPath, manifest.Onnx.Sha256);
        var model = Guard(onnxPath, () => ModelProto.Parser.ParseFrom(onnxBytes));
        BundleCheck.Check(onnxPath, model, manifest, vocabulary);
        BundleCheck.CheckLabels(manifestPath, model, manifest);

        return new ModelBundle(directory, manifest, new TextEncoder(vocabulary, manifest.Tokenizer), onnxBytes);
    }

    private static string BundleFile(string directory, string name, string field, string manifestPath)
    {
        // Keeps a manifest from pointing outside its own folder.
        if (string.IsNullOrEmpty(name) || Path.GetFileName(name) != name)
            throw new ModelBundleException(manifestPath, $"{field} must be a plain file name, was \"{name}\".");
        return Path.Combine(directory, name);
    }

    internal static byte[] ReadFile(string path, string? expectedSha256)
    {
        if (!File.Exists(path))
            throw new ModelBundleException(path, "the file is missing.");
        byte[] bytes = Guard(path, () => File.ReadAllBytes(path));
        if (expectedSha256 is not null && !string.Equals(Sha256.Hex(bytes), expectedSha256, StringComparison.OrdinalIgnoreCase))
            throw new ModelBundleException(path,
                $"SHA-256 is {Sha256.Hex(bytes)} but model.json says {expectedSha256}; the file was changed or belongs to another model.");
        return bytes;
    }

    /// <summary>Runs <paramref name="read"/>, turning a bad or unreadable file into a <see cref="ModelBundleException"/> naming it.</summary>
    internal static T Guard<T>(string path, Func<T> read)
    {
        try
        {
            return read();
        }
        catch (InvalidDataException e)
        {
            throw new ModelBundleException(path, e.Message, e);
        }
        catch (InvalidProtocolBufferException e)
        {
            throw new ModelBundleException(path, $"not a valid ONNX model ({e.Message}).", e);
        }
        catch (IOException e)
        {
            throw new ModelBundleException(path, $"cannot be read ({e.Message}).", e);
        }
        catch (UnauthorizedAccessException e)
        {
            throw new ModelBundleException(path, $"cannot be read ({e.Message}).", e);
        }
    }
}
