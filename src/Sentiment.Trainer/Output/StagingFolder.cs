using Sentiment.Core;
using Sentiment.Inference;

namespace Sentiment.Trainer.Output;

/// <summary>
/// The bundle is written into a hidden folder beside the output and moved into place only when
/// complete, so a failed run changes nothing. The trainer only ever deletes or replaces the files
/// it writes (<see cref="BundleFiles"/>): an output folder holding anything else is refused, and
/// an earlier bundle is replaced only when asked to, keeping every other file and sub-folder.
/// </summary>
internal sealed class StagingFolder : IDisposable
{
    /// <summary>The files of a bundle the trainer writes; nothing else is ever replaced or deleted.</summary>
    public static readonly IReadOnlyList<string> BundleFiles =
        [BundleWriter.OnnxFile, BundleWriter.VocabularyFile, ModelManifest.FileName, TrainingCurve.FileName, ReliabilityDiagram.FileName];

    // Marks a staging folder as the trainer's, so a leftover one is cleaned only if the trainer made it.
    internal const string Marker = ".sentiment-trainer-staging";
    private const string Suffix = ".partial";

    private readonly string _target;
    private bool _committed;

    private StagingFolder(string target, string folder)
    {
        _target = target;
        Folder = folder;
    }

    /// <summary>Where to write.</summary>
    public string Folder { get; }

    /// <summary>
    /// Checks that <paramref name="output"/> may be written (new, empty, or with <paramref name="overwrite"/>
    /// an earlier bundle) and creates the staging folder beside it, before any training.
    /// </summary>
    public static StagingFolder Begin(string output, bool overwrite)
    {
        string target = Path.GetFullPath(output);
        if (File.Exists(target))
            throw new TrainerException($"{output}: output must be a folder, but a file has this name.");
        string parent = Path.GetDirectoryName(target) ?? throw new TrainerException($"{output}: cannot write to the root folder.");
        if (Directory.Exists(target))
            CheckExisting(output, target, overwrite);
        string staging = Path.Combine(parent, $".{Path.GetFileName(target)}{Suffix}");
        try
        {
            if (Directory.Exists(staging))
                RemoveLeftover(staging); // left by a run that was killed
            Directory.CreateDirectory(staging);
            File.WriteAllBytes(Path.Combine(staging, Marker), []); // fails now rather than after training
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            throw new TrainerException($"{output}: the output folder cannot be written ({e.Message}).", e);
        }
        return new StagingFolder(target, staging);
    }

    private static void CheckExisting(string output, string target, bool overwrite)
    {
        string[] entries = [.. Directory.EnumerateFileSystemEntries(target).Select(Path.GetFileName).Order(StringComparer.Ordinal)!];
        string? foreign = entries.FirstOrDefault(name => !IsOwn(target, name));
        if (!overwrite && foreign is not null)
            throw new TrainerException($"{output}: the folder holds \"{foreign}\", which the trainer did not write;"
                + " write the bundle to a new or empty folder, or pass --overwrite to replace only the bundle's files.");
        if (!overwrite && entries.Any(name => BundleFiles.Contains(name)))
            throw new TrainerException($"{output}: the folder holds an earlier model bundle;"
                + " pass --overwrite to replace its files (other files are kept), or choose another folder.");
        string? blocking = BundleFiles.FirstOrDefault(name => Directory.Exists(Path.Combine(target, name)));
        if (blocking is not null)
            throw new TrainerException($"{output}: \"{blocking}\" is a folder, where the bundle needs to write a file.");
    }

    // A bundle file, or the hidden staging folder of another run of the trainer.
    private static bool IsOwn(string folder, string name) =>
        File.Exists(Path.Combine(folder, name)) ? BundleFiles.Contains(name) : IsStaging(Path.Combine(folder, name));

    private static bool IsStaging(string folder) =>
        Path.GetFileName(folder).StartsWith('.') && folder.EndsWith(Suffix, StringComparison.Ordinal)
        && File.Exists(Path.Combine(folder, Marker));

    // Deletes a killed run's staging folder only if it holds nothing but what the trainer writes.
    private static void RemoveLeftover(string staging)
    {
        bool own = IsStaging(staging) && Directory.EnumerateFileSystemEntries(staging).Select(Path.GetFileName)
            .All(name => name == Marker || (BundleFiles.Contains(name) && File.Exists(Path.Combine(staging, name!))));
        if (!own)
            throw new TrainerException($"{staging}: this folder is in the way of the trainer's staging folder,"
                + " and the trainer did not make it; move or remove it.");
        DeleteOwnFiles(staging);
    }

    private static void DeleteOwnFiles(string staging)
    {
        foreach (string name in BundleFiles.Append(Marker))
            File.Delete(Path.Combine(staging, name));
        Directory.Delete(staging); // not recursive: anything else in it stays, and the delete fails
    }

    /// <summary>Moves the finished bundle into place, replacing only the files of an earlier bundle.</summary>
    public void Commit()
    {
        if (!Directory.Exists(_target))
        {
            File.Delete(Path.Combine(Folder, Marker));
            Directory.Move(Folder, _target);
        }
        else
        {
            // model.json last: until it is replaced, its hashes do not match the new files, so a
            // bundle left half-replaced by a crash is refused at load rather than served.
            foreach (string name in BundleFiles.Where(name => name != ModelManifest.FileName).Append(ModelManifest.FileName))
            {
                string source = Path.Combine(Folder, name);
                if (File.Exists(source))
                    File.Move(source, Path.Combine(_target, name), overwrite: true);
            }
            DeleteOwnFiles(Folder);
        }
        _committed = true;
    }

    public void Dispose()
    {
        if (!_committed && Directory.Exists(Folder))
            DeleteOwnFiles(Folder);
    }
}
