using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sentiment.Api.Hosting;
using Sentiment.Api.OpenApi;
using Sentiment.Api.Serving;
using Sentiment.Inference;

namespace Sentiment.Api.Endpoints;

/// <summary>POST /sentiment, POST /sentiment/batch and GET /model.</summary>
public static class SentimentEndpoints
{
    public static IEndpointRouteBuilder MapSentimentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sentiment", PostAsync)
            .DescribeScoring<SentimentRequest>("ScoreText", "Score one text.",
                "Returns the most probable label, its confidence, a score in [-1, 1] (P(positive) - P(negative)), " +
                "the probability of every label and how many of the text's words the model knows.",
                ApiExamples.ScoreText);

        app.MapPost("/sentiment/batch", PostBatchAsync)
            .DescribeScoring<BatchSentimentRequest>("ScoreBatch", "Score up to MaxBatchSize texts at once.",
                "Returns one result per text, in request order; a text scores the same alone or in a batch.",
                ApiExamples.ScoreBatch);

        app.MapGet("/model", GetModel)
            .WithName("GetModel")
            .WithTags("Model")
            .WithSummary("Describe the served model.")
            .WithDescription("Name, version, labels, tokenizer settings, maximum length, training data sizes and evaluation metrics.")
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(ApiExamples.GetModel);
        return app;
    }

    internal static async Task<Results<Ok<SentimentResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpContext http, ISentimentModel model, IOptions<ApiOptions> options) =>
        (await ScoreAsync(http, model, options.Value, RequestParser.ParseText))
            .Answer(static (served, predictions) => served.ToResponse(predictions[0]));

    internal static async Task<Results<Ok<BatchSentimentResponse>, ValidationProblem, ProblemHttpResult>> PostBatchAsync(
        HttpContext http, ISentimentModel model, IOptions<ApiOptions> options) =>
        (await ScoreAsync(http, model, options.Value, RequestParser.ParseTexts))
            .Answer(static (served, predictions) =>
            {
                var results = new SentimentResult[predictions.Length];
                for (int i = 0; i < results.Length; i++)
                    results[i] = served.ToResult(predictions[i]);
                return new BatchSentimentResponse(results, served.Version);
            });

    internal static Results<Ok<ModelResponse>, ProblemHttpResult> GetModel(
        HttpContext http, ISentimentModel model, IOptions<ApiOptions> options) =>
        model.Current is { } served ? TypedResults.Ok(served.Description) : Problems.NotReady(http, options.Value);

    private static async Task<Scored> ScoreAsync<T>(
        HttpContext http, ISentimentModel model, ApiOptions limits, BodyParser<T> parse) where T : IReadOnlyList<string>
    {
        var body = await RequestBody.ReadAsync(http, limits, parse);
        if (body.Invalid is not null || body.Refused is not null)
            return new Scored(Invalid: body.Invalid, Refused: body.Refused);
        var texts = body.Value!;
        RequestLogging.SetTextLength(http, texts);
        if (model.Current is not { } served)
            return new Scored(Refused: Problems.NotReady(http, limits));
        if (model.TryScore(texts) is not { } scoring)
            return new Scored(Refused: Problems.Busy(http, limits));
        return new Scored(served, await scoring);
    }

    private static RouteHandlerBuilder DescribeScoring<TRequest>(
        this RouteHandlerBuilder builder, string name, string summary, string description, EndpointExamples examples)
        where TRequest : notnull =>
        builder.WithName(name)
            .WithTags("Sentiment")
            .WithSummary(summary)
            .WithDescription(description)
            .Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable)
            .WithExamples(examples);

    private readonly record struct Scored(
        ServedModel? Model = null, Prediction[]? Predictions = null,
        ValidationProblem? Invalid = null, ProblemHttpResult? Refused = null)
    {
        public Results<Ok<T>, ValidationProblem, ProblemHttpResult> Answer<T>(Func<ServedModel, Prediction[], T> answer)
        {
            if (Invalid is not null)
                return Invalid;
            if (Refused is not null)
                return Refused;
            return TypedResults.Ok(answer(Model!, Predictions!));
        }
    }
}
