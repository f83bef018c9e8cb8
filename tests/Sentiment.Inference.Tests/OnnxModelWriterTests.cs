using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

public class OnnxModelWriterTests
{
    [Fact]
    public void Write_SameWeightsTwice_GivesIdenticalBytes()
    {
        byte[] first = Write(TinyBundle.Weights()), second = Write(TinyBundle.Weights());

        Assert.Equal(first, second);
    }

    [Fact]
    public void Write_DescribesInputsOutputsAndOpset()
    {
        var graph = OnnxGraphReader.Read(Write(TinyBundle.Weights()));

        Assert.Equal(17, graph.Opset);
        Assert.Equal(["input_ids int64 [batch,seq]", "lengths int32 [batch]"], graph.Inputs.Select(Describe));
        Assert.Equal(["probabilities float [batch,2]"], graph.Outputs.Select(Describe));
        Assert.Equal(["Gather", "Transpose", "LSTM", "Squeeze", "Gemm", "Softmax"], graph.Nodes.Select(n => n.OpType));
        Assert.Equal([51L, 8], graph.InitializerDims["embedding"]);
        Assert.Equal([1L, 32, 8], graph.InitializerDims["lstm_W"]);
    }

    [Fact]
    public void OnnxGateOrder_MovesTorchIfgoBlocksToOnnxIofc() =>
        Assert.Equal([1f, 1, 4, 4, 2, 2, 3, 3], OnnxModelWriter.OnnxGateOrder([1f, 1, 2, 2, 3, 3, 4, 4]));

    [Fact]
    public void Write_LabelCountDifferentFromClasses_Throws() =>
        Assert.Throws<ArgumentException>(() => OnnxModelWriter.Write(Stream.Null, TinyBundle.Weights(), ["only-one"]));

    [Fact]
    public void Write_WeightArrayOfWrongSize_ThrowsNamingIt()
    {
        var weights = TinyBundle.Weights() with { BiasHh = new float[3] };

        var error = Assert.Throws<ArgumentException>(() => Write(weights));

        Assert.Contains("BiasHh", error.Message);
    }

    [PythonFact("onnx", "python3-onnx")]
    public void TinyBundleGraph_PassesTheOnnxChecker()
    {
        var (exitCode, output, error) = Python.Run(
            [Path.Combine(AppContext.BaseDirectory, "check-onnx.py"), Path.Combine(TinyBundleFiles.Committed, "sentiment.onnx")], "");

        Assert.True(exitCode == 0, output + error);
    }

    private static string Describe(OnnxTensorInfo tensor) =>
        $"{tensor.Name} {OnnxProto.TypeName(tensor.ElementType)} [{string.Join(',', tensor.Dims)}]";

    private static byte[] Write(LstmWeights weights)
    {
        using var stream = new MemoryStream();
        OnnxModelWriter.Write(stream, weights, TinyBundle.Labels);
        return stream.ToArray();
    }
}
