using System.Reflection;
using System.Text.Json;
using Google.Protobuf;
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
        var model = ModelProto.Parser.ParseFrom(shipped);
        var tensors = model.Graph.Initializer.ToDictionary(t => t.Name);
        string[] labels = JsonSerializer.Deserialize<string[]>(model.MetadataProps.Single(p => p.Key == "labels").Value)!;
        var embedding = tensors["embedding"];
        int hidden = (int)tensors["lstm_R"].Dims[2];
        float[] bias = Floats(tensors["lstm_B"]);

        var weights = new LstmWeights((int)embedding.Dims[0], (int)embedding.Dims[1], hidden, labels.Length,
            Floats(embedding), TorchGateOrder(Floats(tensors["lstm_W"])), TorchGateOrder(Floats(tensors["lstm_R"])),
            TorchGateOrder(bias[..(4 * hidden)]), TorchGateOrder(bias[(4 * hidden)..]),
            Floats(tensors["dense_W"]), Floats(tensors["dense_B"]));

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

    private static string ShippedOnnx() =>
        typeof(ShippedGraphTests).Assembly.GetCustomAttributes<AssemblyMetadataAttribute>().Single(a => a.Key == "ShippedOnnx").Value!;
}
