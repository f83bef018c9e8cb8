using System.Numerics;
using Microsoft.ML.OnnxRuntime;
using Microsoft.ML.OnnxRuntime.Tensors;
using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>
/// How a batch of encoded texts becomes the graph's inputs, and its output the labels' probabilities.
/// The trainer's graphs read rows as wide as the batch's longest text with the true lengths beside
/// them (<see cref="ModelInput"/>); a graph made elsewhere (<see cref="FeedInfo"/>) reads every row at
/// the fixed length, padded on the side its framework padded, so batching cannot change an answer either.
/// </summary>
internal sealed class GraphFeed
{
    private readonly FeedInfo? _feed;
    private readonly int _maxLength;
    private readonly int _classes;

    public GraphFeed(ModelManifest manifest)
    {
        var onnx = manifest.Onnx;
        _feed = onnx.Feed;
        _maxLength = manifest.Tokenizer.MaxLength;
        _classes = manifest.Labels.Count;
        InputNames = onnx.InputLengths is null ? [onnx.InputIds] : [onnx.InputIds, onnx.InputLengths];
        OutputNames = [onnx.Output];
    }

    public string[] InputNames { get; }

    public string[] OutputNames { get; }

    /// <summary>The graph's inputs for <paramref name="batch"/>, in <see cref="InputNames"/> order; the caller disposes them.</summary>
    public OrtValue[] Inputs(ReadOnlySpan<EncodedText> batch)
    {
        int width = _maxLength;
        if (_feed is null)
        {
            width = 0;
            foreach (var text in batch)
                width = Math.Max(width, ModelInput.Length(text.Ids.Length));
        }
        bool pre = _feed?.Padding == "pre";
        var ids = (_feed?.IdsType ?? "int64") switch
        {
            "int32" => Ids<int>(TensorElementType.Int32, batch, width, pre),
            "float" => Ids<float>(TensorElementType.Float, batch, width, pre),
            _ => Ids<long>(TensorElementType.Int64, batch, width, pre),
        };
        if (InputNames.Length == 1)
            return [ids];
        var lengths = _feed?.LengthsType == "int64"
            ? Lengths<long>(TensorElementType.Int64, batch)
            : Lengths<int>(TensorElementType.Int32, batch);
        return [ids, lengths];
    }

    /// <summary>Turns the graph's output for <paramref name="rows"/> texts into one probability per label and row.</summary>
    public void ToProbabilities(ReadOnlySpan<float> output, int rows, Span<float> probabilities)
    {
        switch (_feed?.OutputKind ?? "probabilities")
        {
            case "probabilities":
                output[..(rows * _classes)].CopyTo(probabilities);
                break;
            case "logits":
                for (int row = 0; row < rows; row++)
                    Softmax(output.Slice(row * _classes, _classes), probabilities.Slice(row * _classes, _classes));
                break;
            default: // one column: the second label's probability, or its logit
                bool logit = _feed!.OutputKind == "logit";
                for (int row = 0; row < rows; row++)
                {
                    float p = logit ? (float)(1 / (1 + Math.Exp(-output[row]))) : output[row];
                    probabilities[2 * row] = 1 - p;
                    probabilities[2 * row + 1] = p;
                }
                break;
        }
    }

    // Zeros, then each row's ids at its start (post) or end (pre), as Keras' pad_sequences places them.
    private static OrtValue Ids<T>(TensorElementType type, ReadOnlySpan<EncodedText> batch, int width, bool pre)
        where T : unmanaged, INumber<T>
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, [batch.Length, width]);
        var data = value.GetTensorMutableDataAsSpan<T>();
        data.Clear();
        for (int row = 0; row < batch.Length; row++)
        {
            int[] ids = batch[row].Ids;
            var target = data.Slice(row * width + (pre ? width - ids.Length : 0), ids.Length);
            for (int i = 0; i < ids.Length; i++)
                target[i] = T.CreateTruncating(ids[i]);
        }
        return value;
    }

    private static OrtValue Lengths<T>(TensorElementType type, ReadOnlySpan<EncodedText> batch)
        where T : unmanaged, INumber<T>
    {
        var value = OrtValue.CreateAllocatedTensorValue(OrtAllocator.DefaultInstance, type, [batch.Length]);
        var data = value.GetTensorMutableDataAsSpan<T>();
        for (int row = 0; row < batch.Length; row++)
            data[row] = T.CreateTruncating(ModelInput.Length(batch[row].Ids.Length));
        return value;
    }

    private static void Softmax(ReadOnlySpan<float> logits, Span<float> probabilities)
    {
        float max = float.NegativeInfinity;
        foreach (float x in logits)
            max = Math.Max(max, x);
        double sum = 0;
        foreach (float x in logits)
            sum += Math.Exp(x - max);
        for (int i = 0; i < logits.Length; i++)
            probabilities[i] = (float)(Math.Exp(logits[i] - max) / sum);
    }
}
