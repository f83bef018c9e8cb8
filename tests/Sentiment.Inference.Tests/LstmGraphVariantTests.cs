using Sentiment.Core;
using Sentiment.TestKit;

namespace Sentiment.Inference.Tests;

/// <summary>The bidirectional, pooled and calibrated graphs: structure, the ONNX checker, temperature and size checks.</summary>
public sealed class LstmGraphVariantTests : IDisposable
{
    private static readonly string[] Texts = ["great movie", "terrible boring plot", "the film was not very good but the acting was fun", "a"];
    private readonly TempFolder _directory = new();

    public void Dispose() => _directory.Dispose();

    [Fact]
    public void BidirectionalPooledGraph_HasBothDirectionsAndAWideDenseLayer()
    {
        var graph = LstmGraph.Build(VariantWeights.Of(true, StatePooling.LastMaxMean), TinyBundle.Labels).Graph;
        var dims = graph.Initializer.ToDictionary(t => t.Name, t => string.Join(',', t.Dims));
        var lstm = graph.Node.Single(n => n.OpType == "LSTM");

        Assert.Equal("bidirectional", lstm.Attribute.Single(a => a.Name == "direction").S.ToStringUtf8());
        Assert.Equal(["lstm_y", "lstm_h"], lstm.Output);
        Assert.Equal(("2,32,8", "2,32,8", "2,64"), (dims["lstm_W"], dims["lstm_R"], dims["lstm_B"]));
        Assert.Equal("2,48", dims["dense_W"]); // 8 units x 2 directions x (last, max, mean)
        Assert.Contains(graph.Node, n => n.OpType == "ReduceMax");
    }

    [Fact]
    public void TemperatureOfOne_AddsNoNode_OtherTemperaturesDivideTheLogits()
    {
        var plain = LstmGraph.Build(TinyBundle.Weights(), TinyBundle.Labels).Graph;
        var calibrated = LstmGraph.Build(TinyBundle.Weights() with { Temperature = 2 }, TinyBundle.Labels).Graph;

        Assert.DoesNotContain(plain.Node, n => n.OpType == "Div");
        Assert.DoesNotContain(plain.Initializer, t => t.Name == "temperature");
        Assert.Equal(["Gemm", "Div", "Softmax"], calibrated.Node.Skip(calibrated.Node.Count - 3).Select(n => n.OpType));
        Assert.Equal([2f], LstmGraphTests.Floats(calibrated.Initializer.Single(t => t.Name == "temperature")));
    }

    [Theory]
    [MemberData(nameof(VariantWeights.Names), MemberType = typeof(VariantWeights))]
    public void Temperature_GivesSoftmaxOfLogProbabilitiesOverT_AndKeepsTheArgmax(string variant)
    {
        const double temperature = 2.5;
        float[][] plain = Probabilities(VariantWeights.Named(variant), "plain");
        float[][] calibrated = Probabilities(VariantWeights.Named(variant, temperature), "calibrated");

        for (int i = 0; i < Texts.Length; i++)
        {
            double[] scaled = [.. plain[i].Select(p => Math.Log(p) / temperature)];
            double total = scaled.Sum(Math.Exp);
            Assert.All(calibrated[i].Zip(scaled), pair => Assert.Equal(Math.Exp(pair.Second) / total, pair.First, 1e-5));
            Assert.Equal(Prediction.ArgMax(plain[i]), Prediction.ArgMax(calibrated[i]));
            Assert.True(calibrated[i].Max() < plain[i].Max(), $"{Texts[i]}: a temperature above 1 softens the probabilities");
        }
    }

    [PythonFact("onnx", "python3-onnx")]
    public void EveryVariant_PassesTheOnnxCheckerFullCheck()
    {
        string[] files = [.. VariantWeights.All.SelectMany(variant => new[]
        {
            WriteGraph(VariantWeights.Named(variant), variant),
            WriteGraph(VariantWeights.Named(variant, temperature: 1.7), variant + "-calibrated"),
        })];

        var (exitCode, output, error) = Python.Run([Path.Combine(AppContext.BaseDirectory, "check-onnx.py"), .. files], "");

        Assert.True(exitCode == 0, output + error);
        Assert.Equal(files.Length, output.Split('\n').Count(line => line.StartsWith("ok ", StringComparison.Ordinal)));
    }

    [Fact]
    public void Validate_ReverseWeightOfWrongSize_NamesIt()
    {
        var weights = VariantWeights.Of(true, StatePooling.Last) with { Reverse = VariantWeights.Of(true, StatePooling.Last).Reverse! with { WeightHh = new float[5] } };

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Contains("Reverse.WeightHh", error.Message);
    }

    [Theory]
    [InlineData(true, StatePooling.Last)]
    [InlineData(false, StatePooling.LastMaxMean)]
    public void Validate_DenseLayerAsWideAsThePlainModel_IsRefusedForAVariant(bool bidirectional, StatePooling pooling)
    {
        var weights = VariantWeights.Of(bidirectional, pooling) with { DenseWeight = TinyBundle.Weights().DenseWeight };

        var error = Assert.Throws<ArgumentException>(weights.Validate);

        Assert.Contains("DenseWeight", error.Message);
    }

    [Theory]
    [InlineData(0.0)]
    [InlineData(-1.0)]
    [InlineData(double.NaN)]
    [InlineData(double.PositiveInfinity)]
    [InlineData(1e300)]
    public void Validate_TemperatureNotAPositiveFiniteFloat_IsRefused(double temperature) =>
        Assert.Contains("Temperature", Assert.Throws<ArgumentException>((TinyBundle.Weights() with { Temperature = temperature }).Validate).Message);

    private float[][] Probabilities(LstmWeights weights, string name)
    {
        string folder = _directory.File(name);
        BundleWriter.Write(folder, TinyBundle.Vocabulary(), weights, TinyBundle.Labels, TinyBundle.Details);
        using var scorer = new SentimentScorer(ModelBundle.Load(folder));
        return [.. scorer.Predict(Texts).Select(p => p.Probabilities)];
    }

    private string WriteGraph(LstmWeights weights, string name)
    {
        string path = _directory.File(name + ".onnx");
        using var file = File.Create(path);
        LstmGraph.Write(file, weights, TinyBundle.Labels);
        return path;
    }
}
