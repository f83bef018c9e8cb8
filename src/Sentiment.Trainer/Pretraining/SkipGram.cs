using System.Diagnostics;
using TorchSharp;
using TorchSharp.Modules;
using static TorchSharp.torch;

namespace Sentiment.Trainer.Pretraining;

/// <summary>Settings of <see cref="SkipGram"/>; the defaults are word2vec's.</summary>
/// <param name="Dimensions">Vector width (the classifier's embedding width).</param>
/// <param name="Window">Most words on each side that count as context; each position draws 1..Window.</param>
/// <param name="Negatives">Noise words drawn per pair.</param>
/// <param name="Epochs">Passes over the texts.</param>
/// <param name="LearningRate">SGD rate at the start, falling linearly to 1/10,000 of it.</param>
/// <param name="Subsample">Frequent words are dropped with probability 1 − sqrt(t / f) (Mikolov et al.).</param>
/// <param name="BatchSize">Pairs per step.</param>
/// <param name="Seed">Seed for pair sampling and initial vectors.</param>
internal sealed record SkipGramSettings(
    int Dimensions,
    int Window = 5,
    int Negatives = 5,
    int Epochs = 1,
    double LearningRate = 0.025,
    double Subsample = 1e-4,
    int BatchSize = 4096,
    int Seed = 42);

/// <summary>
/// Word vectors from skip-gram with negative sampling (Mikolov et al. 2013, "Distributed
/// Representations of Words and Phrases"): each word predicts the words around it against noise
/// words drawn from the unigram distribution raised to 3/4. The vectors start the classifier's
/// embedding, so words seen only in unlabelled text are placed near the words they are used like.
/// </summary>
internal static class SkipGram
{
    private const int NoiseTableSize = 1 << 22;

    /// <param name="texts">Word ids of each text (0 is padding and never counted).</param>
    /// <param name="rows">Embedding rows (vocabulary size + 1).</param>
    /// <param name="progress">Receives one line per tenth of the work.</param>
    /// <returns>Row-major [rows, dimensions] vectors; row 0 is zero.</returns>
    public static float[] Train(IReadOnlyList<int[]> texts, int rows, SkipGramSettings settings, Action<string> progress)
    {
        var counts = new long[rows];
        foreach (int[] text in texts)
        {
            foreach (int id in text)
                counts[id]++;
        }
        counts[0] = 0;
        long total = counts.Sum();
        if (total == 0)
            throw new ArgumentException("No words to pretrain on.");
        double[] keep = [.. counts.Select(count => count == 0 ? 0 : KeepProbability((double)count / total, settings.Subsample))];
        int[] noise = NoiseTable(counts);

        var random = new Random(settings.Seed);
        manual_seed(settings.Seed);
        using var input = nn.Embedding(rows, settings.Dimensions, sparse: true);
        using var output = nn.Embedding(rows, settings.Dimensions, sparse: true);
        using (no_grad())
        {
            nn.init.uniform_(input.weight!, -0.5 / settings.Dimensions, 0.5 / settings.Dimensions);
            nn.init.zeros_(output.weight!);
        }
        var parameters = input.parameters().Concat(output.parameters());
        using var optimizer = optim.SGD(parameters, settings.LearningRate);

        // The work is counted in kept words, estimated from the subsampling probabilities.
        double wordsPerEpoch = counts.Select((count, id) => count * keep[id]).Sum();
        double planned = wordsPerEpoch * settings.Epochs, done = 0;
        var batch = new PairBatch(settings.BatchSize, settings.Negatives);
        var clock = Stopwatch.StartNew();
        int reported = 0;
        int[] order = [.. Enumerable.Range(0, texts.Count)];
        var kept = new List<int>();
        for (int epoch = 1; epoch <= settings.Epochs; epoch++)
        {
            random.Shuffle(order);
            foreach (int t in order)
            {
                kept.Clear();
                foreach (int id in texts[t])
                {
                    if (id != 0 && random.NextDouble() < keep[id])
                        kept.Add(id);
                }
                done += kept.Count;
                for (int i = 0; i < kept.Count; i++)
                {
                    int span = random.Next(1, settings.Window + 1);
                    for (int j = Math.Max(0, i - span); j <= Math.Min(kept.Count - 1, i + span); j++)
                    {
                        if (j == i)
                            continue;
                        batch.Add(kept[i], kept[j], noise, random);
                        if (batch.IsFull)
                            Step(input, output, optimizer, batch, settings.LearningRate * Math.Max(1e-4, 1 - done / planned));
                    }
                }
                int tenth = (int)(10 * done / planned);
                if (tenth > reported && tenth < 10)
                {
                    reported = tenth;
                    progress($"Pretraining word vectors: {tenth * 10}% ({clock.Elapsed.TotalSeconds:F0} s)");
                }
            }
        }
        if (batch.Count > 0)
            Step(input, output, optimizer, batch, settings.LearningRate * 1e-4);
        progress($"Pretrained word vectors in {clock.Elapsed.TotalSeconds:F0} s ({done:F0} words, {settings.Epochs} epoch(s)).");
        float[] vectors = input.weight!.detach().contiguous().data<float>().ToArray();
        Array.Clear(vectors, 0, settings.Dimensions); // padding row
        return vectors;
    }

    private static void Step(Embedding input, Embedding output, optim.Optimizer optimizer, PairBatch batch, double learningRate)
    {
        using var scope = NewDisposeScope();
        foreach (var group in optimizer.ParamGroups)
            group.LearningRate = learningRate;
        int n = batch.Count;
        var centres = input.call(tensor(batch.Centres.AsSpan(0, n).ToArray(), [n]));                     // [n, d]
        var contexts = output.call(tensor(batch.Contexts.AsSpan(0, n).ToArray(), [n]));                  // [n, d]
        var noise = output.call(tensor(batch.Noise.AsSpan(0, n * batch.Negatives).ToArray(), [n, batch.Negatives])); // [n, k, d]
        var positive = nn.functional.logsigmoid((centres * contexts).sum(1));
        var negative = nn.functional.logsigmoid(-bmm(noise, centres.unsqueeze(2)).squeeze(2)).sum(1);
        // Summed, not averaged: each pair moves its rows by the rate, as in word2vec.
        var loss = -(positive + negative).sum();
        optimizer.zero_grad();
        loss.backward();
        optimizer.step();
        batch.Clear();
    }

    // word2vec's formula: (sqrt(f / t) + 1) · t / f, at most 1.
    private static double KeepProbability(double frequency, double threshold) =>
        threshold <= 0 ? 1 : Math.Min(1, (Math.Sqrt(frequency / threshold) + 1) * threshold / frequency);

    private static int[] NoiseTable(long[] counts)
    {
        double[] weights = [.. counts.Select(count => Math.Pow(count, 0.75))];
        double sum = weights.Sum();
        var table = new int[NoiseTableSize];
        int id = 1;
        double cumulative = weights[1] / sum;
        for (int i = 0; i < table.Length; i++)
        {
            while ((double)i / table.Length > cumulative && id < counts.Length - 1)
                cumulative += weights[++id] / sum;
            table[i] = id;
        }
        return table;
    }

    private sealed class PairBatch(int size, int negatives)
    {
        public long[] Centres { get; } = new long[size];
        public long[] Contexts { get; } = new long[size];
        public long[] Noise { get; } = new long[size * negatives];
        public int Negatives => negatives;
        public int Count { get; private set; }
        public bool IsFull => Count == size;

        public void Add(int centre, int context, int[] table, Random random)
        {
            Centres[Count] = centre;
            Contexts[Count] = context;
            for (int k = 0; k < negatives; k++)
                Noise[Count * negatives + k] = table[random.Next(table.Length)];
            Count++;
        }

        public void Clear() => Count = 0;
    }
}
