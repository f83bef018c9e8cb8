using Microsoft.ML.OnnxRuntime;
using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>
/// Scores texts with the bundle's ONNX graph. One <see cref="InferenceSession"/> per scorer; safe to
/// share between threads because every call makes its own input tensors. The trainer's graphs get a
/// batch padded only to its longest text with the true lengths; graphs made elsewhere get fixed-length
/// rows (<see cref="GraphFeed"/>); either way a text scores the same alone or in any batch.
/// </summary>
public sealed class SentimentScorer : IDisposable
{
    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions;
    private readonly GraphFeed _feed;
    private readonly int _maxBatchSize;

    /// <summary>Creates the session and runs the one warm-up prediction, at the bundle's maximum length.</summary>
    /// <exception cref="ModelBundleException">ONNX Runtime cannot load or run the graph.</exception>
    public SentimentScorer(ModelBundle bundle, ScorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        options ??= new ScorerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntraOpNumThreads, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        Bundle = bundle;
        _maxBatchSize = options.MaxBatchSize;
        _feed = new GraphFeed(bundle.Manifest);
        try
        {
            // The graph is a chain of nodes, so they run one after another and inter-op threads would idle.
            _sessionOptions = new SessionOptions
            {
                IntraOpNumThreads = options.IntraOpNumThreads,
                ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
                GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
            };
            _runOptions = new RunOptions();
            _session = new InferenceSession(bundle.CheckedOnnxBytes(), _sessionOptions);
            // Fails here rather than on the first request, and sizes ORT's buffers for the longest text.
            Score([WarmUpText(bundle)], new float[Classes]);
        }
        catch (OnnxRuntimeException e)
        {
            Dispose();
            throw new ModelBundleException(bundle.OnnxPath, $"ONNX Runtime cannot use the model: {e.Message}", e);
        }
        catch
        {
            Dispose();
            throw;
        }
    }

    /// <summary>The bundle being served.</summary>
    public ModelBundle Bundle { get; }

    /// <summary>Output columns, one per label.</summary>
    public int Classes => Bundle.Labels.Count;

    /// <summary>
    /// Writes <c>batch.Length * Classes</c> probabilities, row by row. A text without ids is scored as
    /// a single padding token (see <see cref="ModelInput"/>), or by a graph made elsewhere as a row of
    /// padding, as Keras' <c>pad_sequences</c> gives it.
    /// </summary>
    public void Score(ReadOnlySpan<EncodedText> batch, Span<float> probabilities)
    {
        int rows = batch.Length;
        if (rows == 0)
            return;
        ArgumentOutOfRangeException.ThrowIfLessThan(probabilities.Length, rows * Classes, nameof(probabilities));
        var inputs = _feed.Inputs(batch);
        try
        {
            using var outputs = _session.Run(_runOptions, _feed.InputNames, inputs, _feed.OutputNames);
            _feed.ToProbabilities(outputs[0].GetTensorDataAsSpan<float>(), rows, probabilities);
        }
        finally
        {
            foreach (var input in inputs)
                input.Dispose();
        }
    }

    /// <summary>Encodes and scores <paramref name="texts"/> in batches of at most <see cref="ScorerOptions.MaxBatchSize"/>.</summary>
    public Prediction[] Predict(IReadOnlyList<string> texts)
    {
        ArgumentNullException.ThrowIfNull(texts);
        var encoded = new EncodedText[texts.Count];
        for (int i = 0; i < encoded.Length; i++)
            encoded[i] = Bundle.Encoder.Encode(texts[i]);

        var predictions = new Prediction[encoded.Length];
        var probabilities = new float[Math.Min(_maxBatchSize, encoded.Length) * Classes];
        for (int start = 0; start < encoded.Length; start += _maxBatchSize)
        {
            int rows = Math.Min(_maxBatchSize, encoded.Length - start);
            Score(encoded.AsSpan(start, rows), probabilities);
            for (int row = 0; row < rows; row++)
                predictions[start + row] = ToPrediction(encoded[start + row], probabilities.AsSpan(row * Classes, Classes));
        }
        return predictions;
    }

    /// <summary>Encodes and scores one text.</summary>
    public Prediction Predict(string text) => Predict([text])[0];

    /// <inheritdoc />
    public void Dispose()
    {
        // Null only when the constructor failed half-way and disposes what it had made.
        _session?.Dispose();
        _runOptions?.Dispose();
        _sessionOptions?.Dispose();
    }

    /// <summary>A text of the bundle's maximum length, the longest the encoder ever gives.</summary>
    internal static EncodedText WarmUpText(ModelBundle bundle)
    {
        int maxLength = bundle.Manifest.Tokenizer.MaxLength;
        return new EncodedText(new int[maxLength], maxLength, maxLength, false);
    }

    internal Prediction ToPrediction(EncodedText text, ReadOnlySpan<float> row)
    {
        int best = Prediction.ArgMax(row);
        return new Prediction(best, Bundle.Labels[best], row[best], row.ToArray(), text.TotalTokens, text.KnownTokens, text.Truncated);
    }
}
