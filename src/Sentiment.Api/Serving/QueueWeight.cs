namespace Sentiment.Api.Serving;

/// <summary>
/// What a queued text weighs against <see cref="Configuration.BatchingOptions.QueueWordCapacity"/>,
/// and how a refusal names the queue and its unit.
/// </summary>
internal sealed record QueueWeight(string Queue, string Unit, Func<string, long> Of)
{
    /// <summary>A text to score weighs its words: tokenizing and the LSTM's steps grow with them.</summary>
    public static readonly QueueWeight Scoring = new("scoring", "words", text => WordsIn(text));

    /// <summary>
    /// A text to explain runs as itself and one variant per word the model reads, each about as long
    /// as the text, so it weighs m × (m + 1) words, m being its words up to the model's maximum
    /// length (words past it are cut off and get no variant).
    /// </summary>
    public static QueueWeight Explaining(int maxLength) => new("explaining", "words, counting every variant", text =>
    {
        long read = Math.Min(WordsIn(text), maxLength);
        return read * (read + 1);
    });

    /// <summary>Runs of non-space characters, at least 1.</summary>
    public static int WordsIn(string text)
    {
        int words = 0;
        bool inWord = false;
        foreach (char c in text)
        {
            bool space = char.IsWhiteSpace(c);
            if (!space && !inWord)
                words++;
            inWord = !space;
        }
        return Math.Max(words, 1);
    }
}
