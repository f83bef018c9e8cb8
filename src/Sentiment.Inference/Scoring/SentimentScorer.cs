using System.Buffers;
using Microsoft.ML.OnnxRuntime;
using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>
/// Scores texts with the bundle's ONNX graph. One <see cref="InferenceSession"/> per scorer; safe to
/// share between threads because every call uses its own pooled buffers. A batch is padded only to
/// its own longest text and the true lengths go to the model, so a text scores the same alone or in
/// any batch.
/// </summary>
public sealed class SentimentScorer : IDisposable
{
    private readonly SessionOptions _sessionOptions;
    private readonly InferenceSession _session;
    private readonly RunOptions _runOptions = new();
    private readonly string[] _inputNames;
    private readonly string[] _outputNames;
    private readonly int _maxBatchSize;

    /// <summary>Creates the session and runs one warm-up prediction.</summary>
    /// <exception cref="ModelBundleException">ONNX Runtime cannot load or run the graph.</exception>
    public SentimentScorer(ModelBundle bundle, ScorerOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(bundle);
        options ??= new ScorerOptions();
        ArgumentOutOfRangeException.ThrowIfLessThan(options.IntraOpNumThreads, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.InterOpNumThreads, 0);
        ArgumentOutOfRangeException.ThrowIfLessThan(options.MaxBatchSize, 1);
        Bundle = bundle;
        _maxBatchSize = options.MaxBatchSize;
        _inputNames = [bundle.Manifest.Onnx.InputIds, bundle.Manifest.Onnx.InputLengths];
        _outputNames = [bundle.Manifest.Onnx.Output];
        _sessionOptions = new SessionOptions
        {
            IntraOpNumThreads = options.IntraOpNumThreads,
            InterOpNumThreads = options.InterOpNumThreads,
            ExecutionMode = ExecutionMode.ORT_SEQUENTIAL,
            GraphOptimizationLevel = GraphOptimizationLevel.ORT_ENABLE_ALL,
        };
        try
        {
            _session = new InferenceSession(bundle.OnnxPath, _sessionOptions);
            Predict(string.Empty); // warm-up: fails here rather than on the first request
        }
        catch (OnnxRuntimeException e)
        {
            Dispose();
            throw new ModelBundleException(bundle.OnnxPath, $"ONNX Runtime cannot use the model: {e.Message}", e);
        }
    }

    /// <summary>The bundle being served.</summary>
    public ModelBundle Bundle { get; }

    /// <summary>Output columns, one per label.</summary>
    public int Classes => Bundle.Labels.Count;

    /// <summary>
    /// Writes <c>batch.Length * Classes</c> probabilities, row by row. A text without ids is scored as
    /// a single padding token (ids [0], length 1).
    /// </summary>
    public void Score(ReadOnlySpan<EncodedText> batch, Span<float> probabilities)
    {
        int rows = batch.Length;
        if (rows == 0)
            return;
        ArgumentOutOfRangeException.ThrowIfLessThan(probabilities.Length, rows * Classes, nameof(probabilities));
        int width = 1;
        foreach (var text in batch)
            width = Math.Max(width, text.Ids.Length);

        long[] ids = ArrayPool<long>.Shared.Rent(rows * width);
        int[] lengths = ArrayPool<int>.Shared.Rent(rows);
        try
        {
            Pack(batch, ids.AsSpan(0, rows * width), lengths.AsSpan(0, rows), width);
            using var idsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                ids.AsMemory(0, rows * width), [rows, width]);
            using var lengthsValue = OrtValue.CreateTensorValueFromMemory(OrtMemoryInfo.DefaultInstance,
                lengths.AsMemory(0, rows), [rows]);
            using var outputs = _session.Run(_runOptions, _inputNames, [idsValue, lengthsValue], _outputNames);
            outputs[0].GetTensorDataAsSpan<float>().CopyTo(probabilities);
        }
        finally
        {
            ArrayPool<long>.Shared.Return(ids);
            ArrayPool<int>.Shared.Return(lengths);
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
        _session?.Dispose();
        _runOptions.Dispose();
        _sessionOptions.Dispose();
    }

    // Right-pads each row with id 0; an empty text becomes the single padding token.
    private static void Pack(ReadOnlySpan<EncodedText> batch, Span<long> ids, Span<int> lengths, int width)
    {
        ids.Clear();
        for (int row = 0; row < batch.Length; row++)
        {
            int[] textIds = batch[row].Ids;
            Span<long> target = ids.Slice(row * width, width);
            for (int i = 0; i < textIds.Length; i++)
                target[i] = textIds[i];
            lengths[row] = Math.Max(1, textIds.Length);
        }
    }

    private Prediction ToPrediction(EncodedText text, ReadOnlySpan<float> row)
    {
        int best = 0;
        for (int i = 1; i < row.Length; i++)
        {
            if (row[i] > row[best])
                best = i;
        }
        return new Prediction(Bundle.Labels[best], row[best], row.ToArray(), text.TotalTokens, text.KnownTokens, text.Truncated);
    }
}
