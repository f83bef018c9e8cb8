using Sentiment.TestKit;
using Sentiment.Trainer.Output;

namespace Sentiment.Trainer.Tests;

/// <summary>The output folder rules: the trainer never deletes or replaces a file it did not write.</summary>
public sealed class StagingFolderTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Output => _folder.File("bundle");

    private string Staging => _folder.File(".bundle.partial");

    // Stands in for a run: writes every bundle file with the given content.
    private static void WriteBundle(string folder, string content)
    {
        Directory.CreateDirectory(folder);
        foreach (string name in StagingFolder.BundleFiles)
            File.WriteAllText(Path.Combine(folder, name), content);
    }

    private void WriteUserFiles()
    {
        Directory.CreateDirectory(Path.Combine(Output, "archive"));
        File.WriteAllText(Path.Combine(Output, "archive", "old.onnx"), "old");
        File.WriteAllText(Path.Combine(Output, "MODEL_CARD.md"), "card");
        File.WriteAllText(Path.Combine(Output, "zeta.txt"), "z");
    }

    private void AssertUserFilesKept()
    {
        Assert.Equal("old", File.ReadAllText(Path.Combine(Output, "archive", "old.onnx")));
        Assert.Equal("card", File.ReadAllText(Path.Combine(Output, "MODEL_CARD.md")));
        Assert.Equal("z", File.ReadAllText(Path.Combine(Output, "zeta.txt")));
    }

    [Fact]
    public void Begin_FolderWithOtherFiles_NamesTheFirstInOrdinalOrder()
    {
        WriteBundle(Output, "earlier");
        WriteUserFiles();

        var e = Assert.Throws<TrainerException>(() => StagingFolder.Begin(Output, overwrite: false));

        // Ordinal: upper case sorts before "archive", so this is not the culture's order.
        Assert.StartsWith($"{Output}: the folder holds \"MODEL_CARD.md\", which the trainer did not write;", e.Message);
        AssertUserFilesKept();
        Assert.Equal("earlier", File.ReadAllText(Path.Combine(Output, "model.json")));
        Assert.False(Directory.Exists(Staging));
    }

    [Fact]
    public void Begin_EarlierBundleWithoutOverwrite_IsRefused()
    {
        WriteBundle(Output, "earlier");

        var e = Assert.Throws<TrainerException>(() => StagingFolder.Begin(Output, overwrite: false));

        Assert.Contains("holds an earlier model bundle; pass --overwrite", e.Message);
        Assert.Equal("earlier", File.ReadAllText(Path.Combine(Output, "sentiment.onnx")));
    }

    [Fact]
    public void Commit_WithOverwrite_ReplacesOnlyTheBundleFiles()
    {
        WriteBundle(Output, "earlier");
        WriteUserFiles();

        using (var staging = StagingFolder.Begin(Output, overwrite: true))
        {
            WriteBundle(staging.Folder, "new");
            staging.Commit();
        }

        Assert.All(StagingFolder.BundleFiles, name => Assert.Equal("new", File.ReadAllText(Path.Combine(Output, name))));
        AssertUserFilesKept();
        Assert.Equal(StagingFolder.BundleFiles.Count + 3, Directory.EnumerateFileSystemEntries(Output).Count()); // the bundle files, two files, a folder
        Assert.Equal(["bundle"], Directory.EnumerateFileSystemEntries(_folder.Path).Select(Path.GetFileName));
    }

    [Fact]
    public void Commit_IntoEmptyFolder_NeedsNoOverwrite()
    {
        Directory.CreateDirectory(Output);

        using (var staging = StagingFolder.Begin(Output, overwrite: false))
        {
            WriteBundle(staging.Folder, "new");
            staging.Commit();
        }

        Assert.Equal(StagingFolder.BundleFiles.Order(StringComparer.Ordinal),
            Directory.GetFileSystemEntries(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
    }

    [Fact]
    public void Begin_OverwriteWhereABundleFileIsAFolder_IsRefused()
    {
        Directory.CreateDirectory(Path.Combine(Output, "vocab.json"));

        var e = Assert.Throws<TrainerException>(() => StagingFolder.Begin(Output, overwrite: true));

        Assert.Contains("\"vocab.json\" is a folder", e.Message);
        Assert.True(Directory.Exists(Path.Combine(Output, "vocab.json")));
    }

    [Fact]
    public void Dispose_WithoutCommit_RemovesTheStagingFolderAndLeavesTheOutput()
    {
        WriteBundle(Output, "earlier");

        using (var staging = StagingFolder.Begin(Output, overwrite: true))
            WriteBundle(staging.Folder, "new");

        Assert.False(Directory.Exists(Staging));
        Assert.Equal("earlier", File.ReadAllText(Path.Combine(Output, "model.json")));
    }

    [Fact]
    public void Begin_KilledRunsStagingFolder_IsCleanedAndReused()
    {
        WriteBundle(Staging, "killed");
        File.WriteAllBytes(Path.Combine(Staging, StagingFolder.Marker), []);

        using var staging = StagingFolder.Begin(Output, overwrite: false);

        Assert.Equal(Staging, staging.Folder);
        Assert.Equal([StagingFolder.Marker], Directory.GetFileSystemEntries(Staging).Select(Path.GetFileName));
    }

    [Fact]
    public void Begin_FolderNamedLikeTheStagingFolderButNotTheTrainers_IsKept()
    {
        Directory.CreateDirectory(Staging);
        File.WriteAllText(Path.Combine(Staging, "model.json"), "mine");

        var e = Assert.Throws<TrainerException>(() => StagingFolder.Begin(Output, overwrite: false));

        Assert.Contains($"{Staging}: this folder is in the way", e.Message);
        Assert.Equal("mine", File.ReadAllText(Path.Combine(Staging, "model.json")));
    }

    [Fact]
    public void Begin_KilledRunsStagingFolderWithAForeignFile_IsKept()
    {
        WriteBundle(Staging, "killed");
        File.WriteAllBytes(Path.Combine(Staging, StagingFolder.Marker), []);
        File.WriteAllText(Path.Combine(Staging, "notes.txt"), "mine");

        Assert.Throws<TrainerException>(() => StagingFolder.Begin(Output, overwrite: false));

        Assert.Equal("mine", File.ReadAllText(Path.Combine(Staging, "notes.txt")));
    }

    [Fact]
    public void Begin_OutputHoldingAnotherRunsStagingFolder_DoesNotCountItAsForeign()
    {
        string nested = Path.Combine(Output, ".inner.partial");
        Directory.CreateDirectory(nested);
        File.WriteAllBytes(Path.Combine(nested, StagingFolder.Marker), []);

        using (var staging = StagingFolder.Begin(Output, overwrite: false))
        {
            WriteBundle(staging.Folder, "new");
            staging.Commit();
        }

        Assert.True(File.Exists(Path.Combine(nested, StagingFolder.Marker)));
        Assert.Equal("new", File.ReadAllText(Path.Combine(Output, "model.json")));
    }
}
