using Sentiment.TestKit;

namespace Sentiment.Core.Tests.TestKit;

public class TempFolderTests
{
    [Fact]
    public void Dispose_DeletesTheFolderAndWhatWasWrittenInIt()
    {
        string path, file;
        using (var folder = new TempFolder())
        {
            path = folder.Path;
            file = folder.File("a.txt", "written");
            Directory.CreateDirectory(Path.Combine(path, "nested"));
            Assert.Equal("written", File.ReadAllText(file));
        }

        Assert.False(Directory.Exists(path));
    }

    [Fact]
    public void File_WithoutContent_OnlyNamesThePath()
    {
        using var folder = new TempFolder();

        string file = folder.File("later.csv");

        Assert.Equal(Path.Combine(folder.Path, "later.csv"), file);
        Assert.False(File.Exists(file));
    }

    [Fact]
    public void TwoFolders_AreDistinct()
    {
        using var first = new TempFolder();
        using var second = new TempFolder();

        Assert.NotEqual(first.Path, second.Path);
    }
}
