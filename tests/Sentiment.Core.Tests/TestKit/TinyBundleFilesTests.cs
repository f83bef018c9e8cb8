using Sentiment.TestKit;

namespace Sentiment.Core.Tests.TestKit;

public class TinyBundleFilesTests
{
    [Fact]
    public void ManifestFile_IsCoresManifestFileName() => Assert.Equal(ModelManifest.FileName, TinyBundleFiles.ManifestFile);

    [Fact]
    public void Copy_HoldsEveryCommittedFile_AndIsDeletedOnDispose()
    {
        string path;
        using (var bundle = TinyBundleFiles.Copy())
        {
            path = bundle.Path;
            var committed = Directory.GetFiles(TinyBundleFiles.Committed).Select(Path.GetFileName).Order();
            Assert.Equal(committed, Directory.GetFiles(path).Select(Path.GetFileName).Order());
            Assert.NotEqual(TinyBundleFiles.Committed, path);
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void EditManifest_ChangesOnlyTheCopy()
    {
        using var bundle = TinyBundleFiles.Copy();

        bundle.EditManifest(m => m["version"] = "9.9.9");

        Assert.Equal("9.9.9", ModelManifest.Load(bundle.File(TinyBundleFiles.ManifestFile)).Version);
        Assert.NotEqual("9.9.9", ModelManifest.Load(Path.Combine(TinyBundleFiles.Committed, ModelManifest.FileName)).Version);
    }

    [Fact]
    public void Replace_WritesTheFileAndRecordsItsHash()
    {
        using var bundle = TinyBundleFiles.Copy();
        var before = ModelManifest.Load(bundle.File(TinyBundleFiles.ManifestFile));

        bundle.Replace(before.Vocabulary.File, "{}"u8.ToArray(), "vocabulary");

        var after = ModelManifest.Load(bundle.File(TinyBundleFiles.ManifestFile));
        Assert.Equal("{}", File.ReadAllText(bundle.File(before.Vocabulary.File)));
        Assert.Equal(TinyBundleFiles.Sha256(bundle.File(before.Vocabulary.File)), after.Vocabulary.Sha256);
        Assert.NotEqual(before.Vocabulary.Sha256, after.Vocabulary.Sha256);
        Assert.Equal(before.Onnx.Sha256, after.Onnx.Sha256);
    }
}
