using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>
/// Explains predictions by occlusion: each text and each of its variants without one read word are
/// scored together in one model run, so the cost is one batch of (words + 1) rows per text.
/// Unknown and cut-off words get no variant: the model never read them.
/// </summary>
public sealed class OcclusionExplainer(SentimentScorer scorer, int maxRowsPerRun = 512)
{
    /// <summary>Explains <paramref name="texts"/>; texts share a run while their rows fit in <c>maxRowsPerRun</c>, and a longer text runs alone.</summary>
    public Explanation[] Explain(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var plans = new Plan[texts.Count];
        for (int i = 0; i < plans.Length; i++)
            plans[i] = Plan.Of(scorer.Bundle.Encoder.EncodeWords(texts[i]));

        var explanations = new Explanation[plans.Length];
        int classes = scorer.Classes;
        for (int first = 0; first < plans.Length;)
        {
            int last = first, rows = plans[first].Rows.Count;
            while (last + 1 < plans.Length && rows + plans[last + 1].Rows.Count <= maxRowsPerRun)
                rows += plans[++last].Rows.Count;
            var batch = new EncodedText[rows];
            int at = 0;
            for (int i = first; i <= last; i++)
            {
                plans[i].Rows.CopyTo(batch, at);
                at += plans[i].Rows.Count;
            }
            var probabilities = new float[rows * classes];
            scorer.Score(batch, probabilities);
            at = 0;
            for (int i = first; i <= last; i++)
            {
                explanations[i] = plans[i].Read(scorer, probabilities.AsSpan(at * classes, plans[i].Rows.Count * classes), classes);
                at += plans[i].Rows.Count;
            }
            first = last + 1;
        }
        return explanations;
    }

    /// <summary>The rows of one text: the text itself, then one per word the model read, without it.</summary>
    private sealed record Plan(EncodedWords Words, List<EncodedText> Rows, int[] RowOfWord)
    {
        public static Plan Of(EncodedWords words)
        {
            var rows = new List<EncodedText> { words.Text };
            var rowOfWord = new int[words.Words.Count];
            for (int k = 0; k < rowOfWord.Length; k++)
            {
                var word = words.Words[k];
                bool read = word.Known && !words.IsCutOff(word);
                rowOfWord[k] = read ? rows.Count : -1;
                if (read)
                    rows.Add(words.Without(word));
            }
            return new Plan(words, rows, rowOfWord);
        }

        public Explanation Read(SentimentScorer scorer, ReadOnlySpan<float> probabilities, int classes)
        {
            var prediction = scorer.ToPrediction(Words.Text, probabilities[..classes]);
            var without = new float[]?[RowOfWord.Length];
            for (int k = 0; k < without.Length; k++)
            {
                if (RowOfWord[k] > 0 && !prediction.IsUnknown)
                    without[k] = probabilities.Slice(RowOfWord[k] * classes, classes).ToArray();
            }
            return new Explanation(prediction, Words, without);
        }
    }
}
