using System.Text;
using Sentiment.Core;
using Sentiment.TestKit;

namespace Sentiment.Core.Tests;

public class LabeledCsvReaderTests
{
    private static List<(string Text, string? Label, int Line)> ReadAll(string csv, bool labelRequired = true)
    {
        using var reader = LabeledCsvReader.Open("data.csv", new StringReader(csv), labelRequired: labelRequired);
        var rows = new List<(string, string?, int)>();
        while (reader.Read())
            rows.Add((reader.Text, reader.Label, reader.Line));
        return rows;
    }

    private static DataFileException ReadFails(string csv) =>
        Assert.Throws<DataFileException>(() => ReadAll(csv));

    [Fact]
    public void Read_PlainRows_ReturnsTextLabelAndLine()
    {
        var rows = ReadAll("text,label\ngood film,positive\nbad film,negative\n");

        Assert.Equal([("good film", "positive", 2), ("bad film", "negative", 3)], rows);
    }

    [Fact]
    public void Read_QuotedFields_KeepCommasQuotesAndNewlines()
    {
        var rows = ReadAll("text,label\n\"a, b\",positive\n\"say \"\"hi\"\"\",negative\n\"two\nlines\",positive\nlast,negative\n");

        Assert.Equal("a, b", rows[0].Text);
        Assert.Equal("say \"hi\"", rows[1].Text);
        Assert.Equal("two\nlines", rows[2].Text);
        Assert.Equal(4, rows[2].Line);
        Assert.Equal(6, rows[3].Line); // physical lines, counting the one inside the quotes
    }

    [Fact]
    public void Read_CrLfLineEndings_AreNotPartOfFields()
    {
        var rows = ReadAll("text,label\r\ngood,positive\r\n");

        Assert.Equal([("good", "positive", 2)], rows);
    }

    [Fact]
    public void Read_ColumnsInAnyOrderWithExtras_FindsByName()
    {
        var rows = ReadAll("id,label,text\n7,positive,fine\n");

        Assert.Equal([("fine", "positive", 2)], rows);
    }

    [Fact]
    public void Read_BlankLines_AreSkipped()
    {
        var rows = ReadAll("text,label\n\ngood,positive\n\n");

        Assert.Equal([("good", "positive", 3)], rows);
    }

    [Theory]
    [InlineData(true)]
    [InlineData(false)]
    public void Open_FileWithOrWithoutBom_ReadsHeader(bool bom)
    {
        using var folder = new TempFolder();
        string path = folder.File("data.csv");
        File.WriteAllText(path, "text,label\nnaïve 😀,positive\n", new UTF8Encoding(bom));
        using var reader = LabeledCsvReader.Open(path);

        Assert.True(reader.Read());
        Assert.Equal("naïve 😀", reader.Text);
    }

    [Fact]
    public void Open_MissingLabelColumnWhenOptional_HasNoLabel()
    {
        var rows = ReadAll("text\nhello\n", labelRequired: false);

        Assert.Equal([("hello", null, 2)], rows);
    }

    [Fact]
    public void Open_MissingColumn_NamesColumnAndLineOne()
    {
        var error = ReadFails("review,label\nx,positive\n");

        Assert.Equal(1, error.Line);
        Assert.Contains("\"text\"", error.Message);
        Assert.StartsWith("data.csv:1:", error.Message);
    }

    [Fact]
    public void Open_MissingFile_SaysNotFound()
    {
        var error = Assert.Throws<DataFileException>(() => LabeledCsvReader.Open("no-such-file.csv"));

        Assert.Equal("no-such-file.csv: file not found", error.Message);
    }

    [Fact]
    public void Open_EmptyFile_SaysEmpty()
    {
        var error = ReadFails("");

        Assert.Contains("empty", error.Message);
    }

    [Theory]
    [InlineData("text,label\ngood,positive\ntoo,many,fields\n", 3, "expected 2 fields")]
    [InlineData("text,label\ngood,positive\nlonely\n", 3, "found 1")]
    [InlineData("text,label\nsay \"hi\",positive\n", 2, "quote inside an unquoted field")]
    [InlineData("text,label\n\"a\" b,positive\n", 2, "after a closing quote")]
    [InlineData("text,label\ngood,positive\n\"never closed,positive\nmore,negative\n", 3, "never closed")]
    [InlineData("text,label\n\"a\" \"b\",positive\n", 2, "lone quote")]
    public void Read_MalformedRow_NamesLineAndProblem(string csv, int line, string problem)
    {
        var error = ReadFails(csv);

        Assert.Equal(line, error.Line);
        Assert.Contains(problem, error.Message);
        Assert.StartsWith($"data.csv:{line}:", error.Message);
    }

    [Fact]
    public void Read_InvalidUtf8_NamesLine()
    {
        using var folder = new TempFolder();
        string path = folder.File("data.csv");
        File.WriteAllBytes(path, [.. "text,label\ngood,positive\nbad "u8, 0xff, .. ",negative\n"u8]);

        var error = Assert.Throws<DataFileException>(() =>
        {
            using var reader = LabeledCsvReader.Open(path);
            while (reader.Read()) { }
        });

        Assert.Equal(3, error.Line);
        Assert.Contains("UTF-8", error.Message);
    }
}
