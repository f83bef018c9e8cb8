using Sentiment.Core;
using Sentiment.TestKit;

namespace Sentiment.Core.Tests;

public class ModelManifestTests
{
    internal static ModelManifest Sample() => new(
        ModelManifest.CurrentFormatVersion, "sentiment-lstm", "1.0.0", new DateTimeOffset(2025, 1, 2, 3, 4, 5, TimeSpan.Zero),
        ["negative", "positive"], new TokenizerSettings(NumWords: 10),
        new OnnxInfo("sentiment.onnx", "ab"), new VocabularyInfo("vocab.json", "cd", 9),
        new ArchitectureInfo(10, 8, 8, 2),
        Metrics: new MetricsInfo(null, new ReportInfo(4, 0.75, 0.7,
            [new ClassScore("negative", 1, 0.5, 0.667, 2), new ClassScore("positive", 0.667, 1, 0.8, 2)], [[1, 1], [0, 2]])));

    [Fact]
    public void SaveThenLoad_RoundTripsEveryField()
    {
        using var stream = new MemoryStream();
        Sample().Save(stream);
        stream.Position = 0;

        var loaded = ModelManifest.Load(stream);

        Assert.Equal(Sample().Tokenizer, loaded.Tokenizer);
        Assert.Equal(Sample().Onnx, loaded.Onnx);
        Assert.Equal(Sample().Labels, loaded.Labels);
        Assert.Equal(Sample().CreatedUtc, loaded.CreatedUtc);
        Assert.Equal([[1, 1], [0, 2]], loaded.Metrics!.Test!.Confusion);
    }

    [Fact]
    public void Save_WritesCamelCaseWithReadableFilters()
    {
        using var stream = new MemoryStream();
        Sample().Save(stream);
        string json = System.Text.Encoding.UTF8.GetString(stream.ToArray());

        Assert.Contains("\"formatVersion\": 1", json);
        Assert.Contains("\"filters\": \"!\\\"#$%&()*+,-./:;<=>?@[\\\\]^_`{|}~\\t\\n\"", json);
        Assert.Contains("\"oovToken\": null", json);
    }

    [Theory]
    [InlineData("\"formatVersion\": 1", "\"formatVersion\": 2", "formatVersion")]
    [InlineData("\"classes\": 2", "\"classes\": 3", "classes")]
    [InlineData("\"embeddingRows\": 10", "\"embeddingRows\": 11", "embeddingRows")]
    [InlineData("\"maxLength\": 200", "\"maxLength\": 0", "maxLength")]
    [InlineData("\"name\": \"sentiment-lstm\",", "", "name")]
    public void Load_InconsistentManifest_ThrowsNamingTheFileAndField(string find, string replace, string field)
    {
        using var stream = new MemoryStream();
        Sample().Save(stream);
        using var folder = new TempFolder();
        string path = folder.File("model.json", System.Text.Encoding.UTF8.GetString(stream.ToArray()).Replace(find, replace));

        var error = Assert.Throws<InvalidDataException>(() => ModelManifest.Load(path));
        Assert.Contains(path, error.Message);
        Assert.Contains(field, error.Message, StringComparison.OrdinalIgnoreCase);
    }

    [Theory]
    [InlineData("version", "")]
    [InlineData("version", "1.0.0\r\nSet-Cookie: x=1")]
    [InlineData("version", "1.0.0\u0000")]
    [InlineData("version", "1.0.0\u00e9")]
    [InlineData("version", " 1.0.0")]
    [InlineData("name", "sentiment\tlstm")]
    [InlineData("name", "sentiment-lstm-\u4e2d")]
    public void Validate_NameOrVersionUnfitForAHeader_ThrowsNamingTheField(string field, string value)
    {
        var manifest = field == "version" ? Sample() with { Version = value } : Sample() with { Name = value };

        var error = Assert.Throws<InvalidDataException>(manifest.Validate);
        Assert.StartsWith(field + " ", error.Message);
    }

    [Fact]
    public void Validate_VersionLongerThan64Characters_Throws()
    {
        Assert.Throws<InvalidDataException>((Sample() with { Version = new string('1', 65) }).Validate);
        (Sample() with { Version = "2.0.0-rc.1+build.5" }).Validate();
    }

    [Theory]
    [InlineData("EN")]
    [InlineData("eng")]
    [InlineData("")]
    [InlineData("z中")]
    public void Validate_LanguageNotATwoLetterCode_Throws(string language)
    {
        var error = Assert.Throws<InvalidDataException>((Sample() with { Language = language }).Validate);
        Assert.StartsWith("language ", error.Message);
    }

    [Fact]
    public void Language_AbsentMeansEnglishAndIsNotWritten()
    {
        Assert.Equal("en", Sample().LanguageOrDefault);
        using var stream = new MemoryStream();
        Sample().Save(stream);
        Assert.DoesNotContain("language", System.Text.Encoding.UTF8.GetString(stream.ToArray()));

        var chinese = Sample() with { Language = "zh" };
        chinese.Validate();
        using var saved = new MemoryStream();
        chinese.Save(saved);
        saved.Position = 0;
        Assert.Equal("zh", ModelManifest.Load(saved).LanguageOrDefault);
    }
}
