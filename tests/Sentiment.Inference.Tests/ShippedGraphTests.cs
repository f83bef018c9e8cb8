using System.Reflection;
using System.Text.Json;
using Google.Protobuf;
using Sentiment.Core;
using Sentiment.Inference.Onnx;
using static Sentiment.Inference.Tests.LstmGraphTests;

namespace Sentiment.Inference.Tests;

/// <summary>models/sentiment.onnx, written by the trainer, is exactly what the graph builder writes for its weights.</summary>
public class ShippedGraphTests
{
    [Fact]
    public void ShippedGraph_RebuiltFromItsOwnWeights_IsByteIdentical()
    {
        byte[] shipped = File.ReadAllBytes(ShippedOnnx());
        var manifest = ModelManifest.Load(Path.Combine(Path.GetDirectoryName(ShippedOnnx())!, ModelManifest.FileName));
        var model = ModelProto.Parser.ParseFrom(shipped);
        var tensors = model.Graph.Initializer.ToDictionary(t => t.Name);
        string[] labels = JsonSerializer.Deserialize<string[]>(model.MetadataProps.Single(p => p.Key == "labels").Value)!;
        var embedding = tensors["embedding"];
        int directions = (int)tensors["lstm_R"].Dims[0], hidden = (int)tensors["lstm_R"].Dims[2];
        float[] w = Floats(tensors["lstm_W"]), r = Floats(tensors["lstm_R"]), b = Floats(tensors["lstm_B"]);
        LstmDirection Direction(int d)
        {
            int wSize = w.Length / directions, rSize = r.Length / directions, bSize = 8 * hidden;
            return new LstmDirection(TorchGateOrder(w[(d * wSize)..((d + 1) * wSize)]), TorchGateOrder(r[(d * rSize)..((d + 1) * rSize)]),
                TorchGateOrder(b[(d * bSize)..(d * bSize + 4 * hidden)]), TorchGateOrder(b[(d * bSize + 4 * hidden)..((d + 1) * bSize)]));
        }
        var forward = Direction(0);

        var weights = new LstmWeights((int)embedding.Dims[0], (int)embedding.Dims[1], hidden, labels.Length,
            Floats(embedding), forward.WeightIh, forward.WeightHh, forward.BiasIh, forward.BiasHh,
            Floats(tensors["dense_W"]), Floats(tensors["dense_B"]))
        {
            Reverse = directions == 2 ? Direction(1) : null,
            Pooling = manifest.Architecture.Pooling,
            Temperature = manifest.Temperature,
        };

        Assert.Equal(manifest.Architecture.Bidirectional, directions == 2);
        Assert.True(shipped.AsSpan().SequenceEqual(LstmGraph.Build(weights, labels).ToByteArray()));
    }

    [Fact]
    public void TorchGateOrder_UndoesOnnxGateOrder()
    {
        float[] torch = [1f, 2, 3, 4, 5, 6, 7, 8];

        Assert.Equal(torch, TorchGateOrder(LstmGraph.OnnxGateOrder(torch)));
    }

    /// <summary>ONNX gate blocks i, o, f, c back to PyTorch's i, f, g, o.</summary>
    private static float[] TorchGateOrder(float[] onnx)
    {
        int block = onnx.Length / 4;
        ReadOnlySpan<int> fromOnnxBlock = [0, 2, 3, 1];
        var torch = new float[onnx.Length];
        for (int gate = 0; gate < 4; gate++)
            onnx.AsSpan(fromOnnxBlock[gate] * block, block).CopyTo(torch.AsSpan(gate * block));
        return torch;
    }

    [Fact]
    public void ShippedBundle_HasTheSameLabelsInManifestAndGraph()
    {
        Assert.Equal(["negative", "neutral", "positive"], ModelBundle.Load(Path.GetDirectoryName(ShippedOnnx())!).Labels);
    }

    internal static string ShippedOnnx() =>
        typeof(ShippedGraphTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ShippedOnnx").Value!;
}

/// <summary>Fields added for graphs made elsewhere and characters are optional: the shipped manifest reads and writes as before.</summary>
public class ShippedManifestTests
{
    [Fact]
    public void ShippedManifest_LoadedAndSaved_IsIdenticalAndNeedsNoFeed()
    {
        string path = Path.Combine(Path.GetDirectoryName(ShippedGraphTests.ShippedOnnx())!, ModelManifest.FileName);
        var manifest = ModelManifest.Load(path);
        using var saved = new MemoryStream();

        manifest.Save(saved);

        Assert.Null(manifest.Onnx.Feed);
        Assert.False(manifest.Tokenizer.CharLevel);
        Assert.Equal(File.ReadAllText(path).TrimEnd('\n'), System.Text.Encoding.UTF8.GetString(saved.ToArray())); // the file ends in a newline, Save writes none
    }
}
