using Sentiment.Api.Serving;
using Sentiment.Api.Tests.Infrastructure;

namespace Sentiment.Api.Tests.Unit;

public sealed class ModelChoiceTests
{
    private static readonly ServedModel English = new(TestPaths.TinyManifest);
    private static readonly ServedModel Chinese = new(TestPaths.TinyManifest with { Name = "zh-model", Language = "zh" });
    private static readonly ServedModel French = new(TestPaths.TinyManifest with { Name = "fr-model", Language = "fr" });

    [Theory]
    [InlineData("这部电影太无聊了", true)]
    [InlineData("𠀀", true)] // CJK Extension B, outside the BMP
    [InlineData("豈", true)] // a compatibility ideograph
    [InlineData("a good film", false)]
    [InlineData("ひらがな カタカナ", false)]
    [InlineData("한국어", false)]
    public void HanCharacters_AreFound_InAnyPlane(string text, bool han)
    {
        Assert.Equal(han, ModelChoice.HasHan(text));
    }

    [Fact]
    public void WithoutAChineseModel_HanTextGoesToTheDefault()
    {
        Assert.Same(French, ModelChoice.Choose([French, English], null, null, "这部电影").Model);
    }

    [Fact]
    public void OfTwoModelsOfOneLanguage_TheFirstAnswers()
    {
        var second = new ServedModel(TestPaths.TinyManifest with { Name = "zh-other", Language = "zh" });

        Assert.Same(Chinese, ModelChoice.Choose([English, Chinese, second], null, "zh", "good").Model);
        Assert.Same(Chinese, ModelChoice.Choose([English, Chinese, second], null, null, "好").Model);
    }

    [Fact]
    public void AnUnservedLanguage_NamesEachServedLanguageOnce()
    {
        var choice = ModelChoice.Choose([English, Chinese, new(TestPaths.TinyManifest with { Name = "en-2" })], null, "de", "gut");

        Assert.Null(choice.Model);
        Assert.Equal(ModelChoice.UnsupportedLanguage, choice.ErrorCode);
        Assert.EndsWith("languages served: en, zh.", choice.ErrorMessage);
    }
}
