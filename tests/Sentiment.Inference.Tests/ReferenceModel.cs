namespace Sentiment.Inference.Tests;

/// <summary>A plain PyTorch-semantics forward pass (gates i, f, g, o) to check the exported graph against.</summary>
internal static class ReferenceModel
{
    public static float[] Probabilities(LstmWeights w, int[] ids)
    {
        int hidden = w.Hidden, dim = w.EmbeddingDim;
        var h = new double[hidden];
        var c = new double[hidden];
        foreach (int id in ids.Length == 0 ? [0] : ids)
        {
            var gates = new double[4 * hidden];
            for (int r = 0; r < gates.Length; r++)
            {
                double sum = w.BiasIh[r] + w.BiasHh[r];
                for (int k = 0; k < dim; k++)
                    sum += w.WeightIh[r * dim + k] * w.Embedding[id * dim + k];
                for (int k = 0; k < hidden; k++)
                    sum += w.WeightHh[r * hidden + k] * h[k];
                gates[r] = sum;
            }
            for (int u = 0; u < hidden; u++)
            {
                double i = Sigmoid(gates[u]), f = Sigmoid(gates[hidden + u]);
                double g = Math.Tanh(gates[2 * hidden + u]), o = Sigmoid(gates[3 * hidden + u]);
                c[u] = f * c[u] + i * g;
                h[u] = o * Math.Tanh(c[u]);
            }
        }
        var logits = new double[w.Classes];
        for (int k = 0; k < w.Classes; k++)
        {
            logits[k] = w.DenseBias[k];
            for (int u = 0; u < hidden; u++)
                logits[k] += w.DenseWeight[k * hidden + u] * h[u];
        }
        double max = logits.Max(), total = logits.Sum(l => Math.Exp(l - max));
        return [.. logits.Select(l => (float)(Math.Exp(l - max) / total))];
    }

    private static double Sigmoid(double x) => 1 / (1 + Math.Exp(-x));
}
