using Sentiment.Api.Explaining;

namespace Sentiment.Api.Tests.Unit;

/// <summary>ICU's sentence rules with the English abbreviation list, on the kind of text reviews hold.</summary>
public sealed class SentenceSplitterTests
{
    private static readonly SentenceSplitter Splitter = new();

    private static string[] Sentences(string text) =>
        [.. Splitter.Split(text).Select(s => text.Substring(s.Offset, s.Length))];

    [Theory]
    [InlineData("Dr. Smith was great. The nurses were rude.", "Dr. Smith was great.", "The nurses were rude.")]
    [InlineData("Great for travel, e.g. to the U.S. and back. Battery died though.", "Great for travel, e.g. to the U.S. and back.", "Battery died though.")]
    [InlineData("It costs $19.99 and lasts 2.5 hours. Worth it.", "It costs $19.99 and lasts 2.5 hours.", "Worth it.")]
    [InlineData("Well... it was okay. Not great!", "Well... it was okay.", "Not great!")]
    [InlineData("See https://example.com/a.b?x=1 for details. Shipping was slow.", "See https://example.com/a.b?x=1 for details.", "Shipping was slow.")]
    [InlineData("Loved it 😍. Hated the box 😡", "Loved it 😍.", "Hated the box 😡")]
    [InlineData("He said \"never again.\" I agree.", "He said \"never again.\"", "I agree.")]
    [InlineData("Ask Prof. Lee or see St. Mary's clinic. Both helped.", "Ask Prof. Lee or see St. Mary's clinic.", "Both helped.")]
    [InlineData("Mr. Jones fixed it. Great service.", "Mr. Jones fixed it.", "Great service.")]
    [InlineData("Read www.site.org/faq?q=refund first. Then call.", "Read www.site.org/faq?q=refund first.", "Then call.")]
    [InlineData("the food was cold and the waiter ignored us", "the food was cold and the waiter ignored us")]
    [InlineData("Wow!!! Best pizza ever?! Yes.", "Wow!!!", "Best pizza ever?!", "Yes.")]
    public void Split_RealReviewText_GivesTheSentencesAPersonReads(string text, params string[] expected) =>
        Assert.Equal(expected, Sentences(text));

    [Fact]
    public void Split_SpansLeaveOutSurroundingSpaces()
    {
        const string text = "  First one.   Second one.  ";
        var spans = Splitter.Split(text);
        Assert.Equal([new SentenceSpan(2, 10), new SentenceSpan(15, 11)], spans);
    }

    [Fact]
    public void Split_OnlySpaces_GivesNoSentence() => Assert.Empty(Splitter.Split("   \n "));
}
