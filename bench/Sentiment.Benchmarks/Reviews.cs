namespace Sentiment.Benchmarks;

/// <summary>Deterministic movie-review-like texts of a given word count, with punctuation and case.</summary>
internal static class Reviews
{
    public static readonly string[] English =
        ("the a an and or but if so not no this that it its is was were be been have has had do does did i you he she we they " +
         "movie film story plot acting actor actress director script scene scenes ending music camera character characters cast " +
         "good great excellent wonderful best love loved enjoyed fun amazing perfect beautiful brilliant funny moving touching " +
         "bad terrible awful worst boring hate hated poor waste dull horrible stupid mediocre slow predictable weak silly " +
         "really very too much more most just only even still ever never always again time times watch watched seen see saw " +
         "don't can't won't isn't it's i'm you're wasn't couldn't didn't doesn't there's that's what's who's " +
         "first second last end beginning part whole way thing things people life world year years minutes hours night")
        .Split(' ');

    private static readonly string[] Punctuation = [" ", " ", " ", " ", ", ", ". ", "! ", "? ", " - ", "... "];

    public static string Make(int words, int seed)
    {
        var random = new Random(seed);
        var text = new System.Text.StringBuilder();
        for (int i = 0; i < words; i++)
        {
            string word = English[random.Next(English.Length)];
            text.Append(i == 0 || random.Next(8) == 0 ? char.ToUpperInvariant(word[0]) + word[1..] : word);
            text.Append(Punctuation[random.Next(Punctuation.Length)]);
        }
        return text.ToString();
    }
}
