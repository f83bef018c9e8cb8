using Sentiment.TestKit;
using Sentiment.Trainer.Cli;

namespace Sentiment.Trainer.Tests;

/// <summary>evaluate and predict on bad input: exit code 1 and one line, never a stack trace.</summary>
public sealed class CommandErrorTests : IDisposable
{
    private static readonly string Bundle = TrainerCli.TestData("tiny-bundle");
    private readonly TempFolder _folder = new();

    public CommandErrorTests()
    {
        _folder.File("header-only.csv", "text,label\n");
        _folder.File("empty-texts.csv", "text,label\n,positive\n\"  \",negative\n");
        _folder.File("in.csv", "text\ngreat\n");
        Directory.CreateDirectory(_folder.File("a-folder"));
        // A bundle whose vocabulary is gone.
        string broken = _folder.File("broken-bundle");
        Directory.CreateDirectory(broken);
        foreach (string file in Directory.GetFiles(Bundle).Where(file => !file.EndsWith("vocab.json", StringComparison.Ordinal)))
            File.Copy(file, Path.Combine(broken, Path.GetFileName(file)));
    }

    public void Dispose() => _folder.Dispose();

    public static TheoryData<string[], string> Cases => new()
    {
        { ["evaluate", "--model", Bundle, "--data", "{0}/missing.csv"], "{0}/missing.csv: file not found" },
        { ["evaluate", "--model", Bundle, "--data", "{0}/a-folder"], "{0}/a-folder: is a folder, not a file" },
        { ["evaluate", "--model", Bundle, "--data", "{0}/header-only.csv"], "{0}/header-only.csv: no rows to score" },
        { ["evaluate", "--model", Bundle, "--data", "{0}/empty-texts.csv"], "{0}/empty-texts.csv: no rows to score (2 skipped)" },
        { ["evaluate", "--model", "{0}/broken-bundle", "--data", "{0}/header-only.csv"], "{0}/broken-bundle/vocab.json: the file is missing" },
        { ["predict", "--model", Bundle, "--input", "{0}/missing.csv", "--output", "{0}/out.csv"], "{0}/missing.csv: file not found" },
        { ["predict", "--model", Bundle, "--input", "{0}/in.csv", "--output", "{0}/missing-folder/x.csv"],
            "{0}/missing-folder/x.csv: cannot be written: the folder {0}/missing-folder does not exist." },
        { ["predict", "--model", Bundle, "--input", "{0}/in.csv", "--output", "{0}/a-folder"], "{0}/a-folder: is a folder; --output must name a file." },
        { ["predict", "--model", "{0}/broken-bundle", "--input", "{0}/in.csv", "--output", "{0}/out.csv"], "{0}/broken-bundle/vocab.json: the file is missing" },
        { ["predict", "--model", "{0}/no-bundle", "--input", "{0}/in.csv", "--output", "{0}/out.csv"], "{0}/no-bundle: the model folder does not exist" },
    };

    [Theory]
    [MemberData(nameof(Cases))]
    public void BadInput_FailsWithOneErrorLine(string[] args, string expected)
    {
        var result = TrainerCli.Run([.. args.Select(arg => arg.Replace("{0}", _folder.Path))]);

        Assert.Equal(1, result.ExitCode);
        string[] lines = result.Errors.Trim().Split('\n');
        Assert.All(lines, line => Assert.Matches("^(error|warning): ", line)); // no stack trace
        Assert.StartsWith($"error: {expected.Replace("{0}", _folder.Path)}", Assert.Single(lines, line => line.StartsWith("error: ")));
        Assert.False(File.Exists(_folder.File("out.csv")));
    }

    [Fact]
    public void UnforeseenFileSystemFailure_IsOneLineAndExitCodeOne()
    {
        var output = new StringWriter();
        var errors = new StringWriter();

        int exitCode = CommandRunner.Run(new TrainerConsole(output, errors, interactive: false),
            () => throw new IOException("No space left on device : '/data/out.csv'"));

        Assert.Equal(1, exitCode);
        Assert.Equal("error: No space left on device : '/data/out.csv'", errors.ToString().Trim());
    }
}
