using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Contracts;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Scoring;

/// <summary>GET /models: every bundle the service serves.</summary>
public static class ModelsApi
{
    public const string ListModelsName = "ListModels";

    public static IEndpointRouteBuilder MapModelsEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGet("/models", ListModels)
            .WithName(ListModelsName)
            .WithTags("Model")
            .WithSummary("Describe every served model.")
            .WithDescription("The default model's name, then for each model what GET /model says of the default one: " +
                "name, version, language, labels, tokenizer, layer sizes, data sizes and metrics.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static Results<Ok<ModelsResponse>, ProblemHttpResult> ListModels(
        HttpContext http, ISentimentModel model, IOptions<ApiOptions> options) =>
        model.Ready && model.Current is { } current
            ? TypedResults.Ok(new ModelsResponse(current.Name, [.. model.Models.Select(ResponseMapping.ToModelResponse)]))
            : Problems.NotReady(http, options.Value);
}
