using System.Text.Json.Nodes;
using Sentiment.Api.Scoring;

namespace Sentiment.Api.OpenApi;

/// <summary>GET /models as the shipped models answer it: GET /model's example, then the Chinese model.</summary>
internal static class ModelsExamples
{
    public static EndpointExamples List { get; } = Build();

    private static EndpointExamples Build()
    {
        var single = ApiExamples.GetModel.Responses.Single(r => r.Status == 200).Examples.Single();
        var model = JsonNode.Parse(single.Json)!;
        var list = new JsonObject
        {
            ["default"] = model["name"]!.GetValue<string>(),
            ["models"] = new JsonArray(model, JsonNode.Parse(ChineseExamples.Model)),
        };
        return new EndpointExamples([],
        [
            new(200, "Every served model, the default first.", new NamedExample("models", list.ToJsonString())),
            .. ApiExamples.GetModel.Responses.Where(r => r.Status != 200),
        ]);
    }
}
