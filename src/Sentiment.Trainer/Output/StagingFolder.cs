using Sentiment.Core;

namespace Sentiment.Trainer.Output;

/// <summary>
/// Everything is written into a temporary folder beside the output, which is moved into place only
/// when complete, so a failed run leaves no partial output. An existing output folder is replaced
/// only when it is empty or holds a model bundle.
/// </summary>
internal sealed class StagingFolder : IDisposable
{
    private readonly string _target;
    private bool _committed;

    private StagingFolder(string target, string path)
    {
        _target = target;
        Path = path;
    }

    /// <summary>Where to write.</summary>
    public string Path { get; }

    /// <summary>Checks that <paramref name="output"/> can be written and creates the staging folder beside it.</summary>
    public static StagingFolder Begin(string output)
    {
        string target = System.IO.Path.GetFullPath(output);
        if (File.Exists(target))
            throw new TrainerException($"{output}: output must be a folder, but a file has this name.");
        if (Directory.Exists(target) && Directory.EnumerateFileSystemEntries(target).Any()
            && !File.Exists(System.IO.Path.Combine(target, ModelManifest.FileName)))
            throw new TrainerException($"{output}: the output folder is not empty and holds no model bundle; choose another folder.");
        string parent = System.IO.Path.GetDirectoryName(target) ?? throw new TrainerException($"{output}: cannot write to the root folder.");
        string staging = System.IO.Path.Combine(parent, $".{System.IO.Path.GetFileName(target)}.partial");
        try
        {
            if (Directory.Exists(staging))
                Directory.Delete(staging, recursive: true); // left by a run that was killed
            Directory.CreateDirectory(staging);
            File.WriteAllBytes(System.IO.Path.Combine(staging, ".probe"), []); // fails now rather than after training
            File.Delete(System.IO.Path.Combine(staging, ".probe"));
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrainerException($"{output}: the output folder cannot be written ({e.Message}).", e);
        }
        return new StagingFolder(target, staging);
    }

    /// <summary>Moves the finished folder into place, replacing an earlier bundle.</summary>
    public void Commit()
    {
        string? previous = null;
        if (Directory.Exists(_target))
        {
            previous = Path + ".previous";
            Directory.Move(_target, previous);
        }
        Directory.Move(Path, _target);
        _committed = true;
        if (previous is not null)
            Directory.Delete(previous, recursive: true);
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Path))
            Directory.Delete(Path, recursive: true);
    }
}
