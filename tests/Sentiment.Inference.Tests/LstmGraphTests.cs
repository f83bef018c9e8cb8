using Google.Protobuf;
using Sentiment.Inference.Onnx;
using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

public class LstmGraphTests
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
        var model = ModelProto.Parser.ParseFrom(Write(TinyBundle.Weights()));
        var graph = model.Graph;

        Assert.Equal([(string.Empty, 17L)], model.OpsetImport.Select(o => (o.Domain, o.Version)));
        Assert.Equal(8, model.IrVersion);
        Assert.Equal(["input_ids int64 [batch,seq]", "lengths int32 [batch]"], graph.Input.Select(Describe));
        Assert.Equal(["probabilities float [batch,2]"], graph.Output.Select(Describe));
        Assert.Equal(["Gather", "Transpose", "LSTM", "Squeeze", "Gemm", "Softmax"], graph.Node.Select(n => n.OpType));
        Assert.Equal(["embedding [51,8]", "lstm_W [1,32,8]", "lstm_R [1,32,8]", "lstm_B [1,64]", "dense_W [2,8]", "dense_B [2]", "squeeze_axes [1]"],
            graph.Initializer.Select(t => $"{t.Name} [{string.Join(',', t.Dims)}]"));
        Assert.Equal("[\"negative\",\"positive\"]", model.MetadataProps.Single(p => p.Key == "labels").Value);
    }

    [Fact]
    public void Write_EveryNodeInputIsAGraphInputAnInitializerOrAnEarlierOutput()
    {
        var graph = LstmGraph.Build(TinyBundle.Weights(), TinyBundle.Labels).Graph;
        var known = new HashSet<string>([.. graph.Input.Select(i => i.Name), .. graph.Initializer.Select(t => t.Name), ""]);

        foreach (var node in graph.Node)
        {
            Assert.All(node.Input, input => Assert.Contains(input, known));
            known.UnionWith(node.Output);
        }
        Assert.Contains(LstmGraph.Output, known);
    }

    [Fact]
    public void Write_StoresWeightsInOnnxLayout()
    {
        var weights = TinyBundle.Weights();
        var initializers = LstmGraph.Build(weights, TinyBundle.Labels).Graph.Initializer.ToDictionary(t => t.Name);

        Assert.Equal(weights.Embedding, Floats(initializers["embedding"]));
        Assert.Equal(LstmGraph.OnnxGateOrder(weights.WeightHh), Floats(initializers["lstm_R"]));
        Assert.Equal([.. LstmGraph.OnnxGateOrder(weights.BiasIh), .. LstmGraph.OnnxGateOrder(weights.BiasHh)], Floats(initializers["lstm_B"]));
        Assert.Equal((int)TensorProto.Types.DataType.Int64, initializers["squeeze_axes"].DataType);
    }

    [Fact]
    public void OnnxGateOrder_MovesTorchIfgoBlocksToOnnxIofc() =>
        Assert.Equal([1f, 1, 4, 4, 2, 2, 3, 3], LstmGraph.OnnxGateOrder([1f, 1, 2, 2, 3, 3, 4, 4]));

    [Fact]
    public void Write_LabelCountDifferentFromClasses_Throws() =>
        Assert.Throws<ArgumentException>(() => LstmGraph.Write(Stream.Null, TinyBundle.Weights(), ["only-one"]));

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

    private static string Describe(ValueInfoProto value)
    {
        var tensor = value.Type.TensorType;
        var dims = tensor.Shape.Dim.Select(d => d.HasDimValue ? d.DimValue.ToString(System.Globalization.CultureInfo.InvariantCulture) : d.DimParam);
        return $"{value.Name} {BundleCheck.TypeName(tensor.ElemType)} [{string.Join(',', dims)}]";
    }

    internal static float[] Floats(TensorProto tensor) =>
        System.Runtime.InteropServices.MemoryMarshal.Cast<byte, float>(tensor.RawData.Span).ToArray();

    private static byte[] Write(LstmWeights weights)
    {
        using var stream = new MemoryStream();
        LstmGraph.Write(stream, weights, TinyBundle.Labels);
        return stream.ToArray();
    }
}
