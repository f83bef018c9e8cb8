using System.Globalization;
using Sentiment.Core;

namespace Sentiment.Inference;

/// <summary>Checks an ONNX graph against the manifest and vocabulary it ships with.</summary>
internal static class OnnxBundleCheck
{
    public static void Check(string onnxPath, OnnxGraphInfo graph, ModelManifest manifest, Vocabulary vocabulary)
    {
        void Fail(string reason) => throw new ModelBundleException(onnxPath, reason);

        var onnx = manifest.Onnx;
        if (graph.Opset != onnx.Opset)
            Fail($"uses opset {graph.Opset} but model.json says {onnx.Opset}.");
        CheckTensor(onnxPath, graph.Inputs, onnx.InputIds, OnnxProto.Int64, rank: 2, "input");
        CheckTensor(onnxPath, graph.Inputs, onnx.InputLengths, OnnxProto.Int32, rank: 1, "input");
        var output = CheckTensor(onnxPath, graph.Outputs, onnx.Output, OnnxProto.Float, rank: 2, "output");
        if (long.TryParse(output.Dims[1], CultureInfo.InvariantCulture, out long classes) && classes != manifest.Labels.Count)
            Fail($"output '{onnx.Output}' has {classes} classes but model.json lists {manifest.Labels.Count} labels.");

        var gather = graph.Nodes.FirstOrDefault(n => n.OpType == "Gather" && n.Inputs.Count == 2 && n.Inputs[1] == onnx.InputIds);
        if (gather is null || !graph.InitializerDims.TryGetValue(gather.Inputs[0], out long[]? embedding) || embedding.Length != 2)
        {
            Fail($"has no embedding: a Gather of a 2-D initializer by '{onnx.InputIds}'.");
            return;
        }
        if (embedding[0] != vocabulary.EmbeddingRows)
            Fail($"embedding has {embedding[0]} rows but the vocabulary needs {vocabulary.EmbeddingRows} (words + padding).");
        if (embedding[0] != manifest.Architecture.EmbeddingRows || embedding[1] != manifest.Architecture.EmbeddingDim)
            Fail($"embedding is [{embedding[0]}, {embedding[1]}] but model.json says " +
                 $"[{manifest.Architecture.EmbeddingRows}, {manifest.Architecture.EmbeddingDim}].");
    }

    private static OnnxTensorInfo CheckTensor(
        string onnxPath, IReadOnlyList<OnnxTensorInfo> tensors, string name, int elementType, int rank, string kind)
    {
        var tensor = tensors.FirstOrDefault(t => t.Name == name)
            ?? throw new ModelBundleException(onnxPath,
                $"has no {kind} '{name}' (has {string.Join(", ", tensors.Select(t => $"'{t.Name}'"))}).");
        if (tensor.ElementType != elementType || tensor.Dims.Count != rank)
            throw new ModelBundleException(onnxPath,
                $"{kind} '{name}' is {OnnxProto.TypeName(tensor.ElementType)} with {tensor.Dims.Count} dims; " +
                $"expected {OnnxProto.TypeName(elementType)} with {rank}.");
        return tensor;
    }
}
