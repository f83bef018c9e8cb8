using Sentiment.TestKit;

namespace Sentiment.Trainer.Tests;

/// <summary>Bad input: one line naming the file (and line), exit code 1, and no output folder left behind.</summary>
[Collection(TorchCollection.Name)]
public sealed class TrainCommandErrorTests : IDisposable
{
    private readonly TempFolder _folder = new();

    public void Dispose() => _folder.Dispose();

    private string Output => _folder.File("bundle");

    private CliResult Train(params string[] args) =>
        TrainerCli.Run(["train", .. args, "--output", Output, .. TrainerCli.TinyModel]);

    private void AssertFailedCleanly(CliResult result, string expected)
    {
        Assert.Equal(1, result.ExitCode);
        Assert.Contains(expected, result.Errors);
        Assert.Single(result.Errors.Trim().Split('\n'));
        Assert.False(Directory.Exists(Output));
        Assert.DoesNotContain(Directory.EnumerateFileSystemEntries(_folder.Path), path => path.Contains("partial"));
    }

    [Fact]
    public void MissingFile_NamesFile()
    {
        string missing = _folder.File("missing.csv");

        AssertFailedCleanly(Train("--data", missing), $"error: {missing}: file not found");
    }

    [Fact]
    public void MissingColumn_NamesFileLineAndColumn()
    {
        string data = _folder.File("train.csv", "review,label\ngood,positive\nbad,negative\n");

        AssertFailedCleanly(Train("--data", data), $"{data}:1: no column \"text\"");
    }

    [Fact]
    public void MalformedRow_NamesFileAndLine()
    {
        string data = _folder.File("train.csv", "text,label\ngood,positive\n\"multi\nline\",negative\nbad,negative,extra\n");

        AssertFailedCleanly(Train("--data", data), $"{data}:5: expected 2 fields");
    }

    [Fact]
    public void OneClass_SaysTwoAreNeeded()
    {
        string data = _folder.File("train.csv", "text,label\ngood,positive\ngreat,positive\nfine,positive\n");

        AssertFailedCleanly(Train("--data", data), "needs at least two classes to learn from, found 1 (\"positive\")");
    }

    [Fact]
    public void ClassTooSmallToSplit_NamesClass()
    {
        string data = _folder.File("train.csv", "text,label\ngood,positive\ngreat,positive\nfine,positive\nbad,negative\n");

        AssertFailedCleanly(Train("--data", data, "--valid-fraction", "0.2"), "class \"negative\" has 1 row(s), too few to split");
    }

    [Fact]
    public void NoWordsInTrainingTexts_SaysVocabularyIsEmpty()
    {
        string data = _folder.File("train.csv", "text,label\n!!!,positive\n???,negative\n...,positive\n;;;,negative\n");

        AssertFailedCleanly(Train("--data", data, "--valid", data), "the vocabulary is empty");
    }

    [Fact]
    public void ValidationLabelUnknown_NamesFileAndLine()
    {
        string valid = _folder.File("dev.csv", "text,label\ngood,positive\nmeh,neutral\n");

        AssertFailedCleanly(Train("--data", TrainerCli.TestData("tiny-train.csv"), "--valid", valid),
            $"{valid}:3: label \"neutral\" is not one of the model's labels");
    }

    [Fact]
    public void OutputCannotBeWritten_SaysSoBeforeTraining()
    {
        string blocker = _folder.File("blocker", "a file where a folder would have to be");

        var result = TrainerCli.Run(["train", "--data", TrainerCli.TestData("tiny-train.csv"),
            "--output", Path.Combine(blocker, "bundle"), .. TrainerCli.TinyModel]);

        Assert.Equal(1, result.ExitCode);
        Assert.Contains("the output folder cannot be written", result.Errors);
        Assert.DoesNotContain("epoch", result.Output);
    }

    [Fact]
    public void OutputFolderWithOtherFiles_IsRefusedOnOneLineNamingTheFileAndKept()
    {
        Directory.CreateDirectory(Path.Combine(Output, "sst2-tutorial"));
        File.WriteAllText(Path.Combine(Output, "notes.txt"), "keep me");
        File.WriteAllText(Path.Combine(Output, "model.json"), "{}");

        var result = Train("--data", TrainerCli.TestData("tiny-train.csv"));

        Assert.Equal(1, result.ExitCode);
        Assert.Equal($"error: {Output}: the folder holds \"notes.txt\", which the trainer did not write;"
            + " write the bundle to a new or empty folder, or pass --overwrite to replace only the bundle's files.", result.Errors.Trim());
        Assert.DoesNotContain("epoch", result.Output);
        Assert.Equal(["model.json", "notes.txt", "sst2-tutorial"],
            Directory.EnumerateFileSystemEntries(Output).Select(Path.GetFileName).Order(StringComparer.Ordinal));
        Assert.Equal("keep me", File.ReadAllText(Path.Combine(Output, "notes.txt")));
    }

    [Fact]
    public void TestFileWithNoRows_IsRefusedBeforeTraining()
    {
        string test = _folder.File("test.csv", "text,label\n");

        AssertFailedCleanly(Train("--data", TrainerCli.TestData("tiny-train.csv"), "--test", test), $"error: {test}: no test rows");
    }

    [Fact]
    public void EmptyOovToken_FailsWithUsageError()
    {
        var result = Train("--data", TrainerCli.TestData("tiny-train.csv"), "--oov-token", "");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--oov-token must be a non-empty word", result.Errors);
        Assert.DoesNotContain("   at ", result.Errors);
    }

    [Fact]
    public void CharBigramsWithoutCharLevel_FailsWithUsageError()
    {
        var result = Train("--data", TrainerCli.TestData("tiny-train.csv"), "--char-bigrams");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--char-bigrams needs --char-level", result.Errors);
    }

    [Fact]
    public void BadOptionValue_FailsWithUsageError()
    {
        var result = TrainerCli.Run("train", "--data", "x.csv", "--output", Output, "--epochs", "0");

        Assert.NotEqual(0, result.ExitCode);
        Assert.Contains("--epochs must be at least 1", result.Errors);
    }
}
