using System.Text.Json.Serialization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Contracts;
using Sentiment.Api.Explaining;
using Sentiment.Api.Serving;
using Sentiment.Inference;

namespace Sentiment.Api.Scoring;

/// <summary>POST /sentiment, POST /sentiment/batch and GET /model.</summary>
public static class SentimentApi
{
    public const string ScoreTextName = "ScoreText";
    public const string ScoreBatchName = "ScoreBatch";
    public const string GetModelName = "GetModel";

    private static readonly object TextLengthKey = new();

    /// <summary>Request limits, the response JSON and RFC 9457 problem bodies.</summary>
    public static WebApplicationBuilder AddSentimentScoring(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<ApiOptions>(ApiOptions.Section);
        services.AddValidatedOptions<RateLimitOptions>(RateLimitOptions.Section);
        services.AddSingleton<IValidateOptions<RateLimitOptions>, RateLimitValidation>();
        services.AddSingleton<TextRateLimiter>();
        services.AddValidatedOptions<SentenceOptions>(SentenceOptions.Section);
        services.AddSingleton<SentenceSplitter>();
        services.AddSingleton<ExtendedAnswers>();
        services.AddValidatedOptions<DemoOptions>(DemoOptions.Section);
        services.ConfigureHttpJsonOptions(json =>
        {
            json.SerializerOptions.TypeInfoResolverChain.Insert(0, ApiJsonContext.Default);
            json.SerializerOptions.DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull; // "score" absent, not null
        });
        services.AddProblemDetails(problems => problems.CustomizeProblemDetails = context =>
        {
            // Only routing's own 415, which has no detail; the API's 415s already say what is wrong.
            if (context.ProblemDetails is { Status: StatusCodes.Status415UnsupportedMediaType, Detail: null })
                Problems.DescribeUnsupportedMediaType(context.ProblemDetails, context.HttpContext.Request.ContentType);
        });
        return builder;
    }

    public static IEndpointRouteBuilder MapSentimentEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/sentiment", PostAsync)
            .DescribeScoring<SentimentRequest>(ScoreTextName)
            .WithSummary("Score one text.")
            .WithDescription("Returns the most probable label, its confidence, a score in [-1, 1] (P(positive) - P(negative)), " +
                "the probability of every label and how many of the text's words the model knows. " +
                "With explain: true, each word's span and contribution (leave-one-word-out); with sentences: true, each sentence's " +
                "label, and the label mixed when one sentence is confidently positive and another confidently negative.");

        app.MapPost("/sentiment/batch", PostBatchAsync)
            .DescribeScoring<BatchSentimentRequest>(ScoreBatchName)
            .WithSummary("Score up to MaxTextsPerRequest texts at once.")
            .WithDescription("Items are strings or objects {id, text, language, model}. Returns one entry per item, in request order: " +
                "a result naming the model that answered, or, for an item that cannot be scored (empty, too long, a language no " +
                "model reads, an unknown model), an error {code, message}; ids are echoed. A text scores the same alone or in a batch.");

        app.MapGet("/model", GetModel)
            .WithName(GetModelName)
            .WithTags("Model")
            .WithSummary("Describe the served model.")
            .WithDescription("Name, version, labels, tokenizer settings, maximum length, training data sizes and evaluation metrics.")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    private static RouteHandlerBuilder DescribeScoring<TRequest>(this RouteHandlerBuilder builder, string name)
        where TRequest : notnull =>
        builder.WithName(name)
            .WithTags("Sentiment")
            .Accepts<TRequest>("application/json")
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType)
            .ProducesProblem(StatusCodes.Status429TooManyRequests)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);

    /// <summary>Characters received in this request's texts, for the request log line; 0 before parsing.</summary>
    public static int TextLength(HttpContext http) => http.Items.TryGetValue(TextLengthKey, out var n) ? (int)n! : 0;

    internal static Task<Results<Ok<SentimentResponse>, ValidationProblem, ProblemHttpResult>> PostAsync(
        HttpContext http, ISentimentModel model, TextRateLimiter limiter, ExtendedAnswers extended, IOptions<ApiOptions> options) =>
        ScoreAsync(http, model, limiter, extended, options.Value, RequestParser.ParseText, itemErrorsFail: true,
            static (answers, _) => ResponseMapping.ToResponse(answers[0].Model!, answers[0].Result!));

    internal static Task<Results<Ok<BatchSentimentResponse>, ValidationProblem, ProblemHttpResult>> PostBatchAsync(
        HttpContext http, ISentimentModel model, TextRateLimiter limiter, ExtendedAnswers extended, IOptions<ApiOptions> options) =>
        ScoreAsync(http, model, limiter, extended, options.Value, RequestParser.ParseTexts, itemErrorsFail: false,
            ResponseMapping.ToBatchResponse);

    internal static Results<Ok<ModelResponse>, ProblemHttpResult> GetModel(
        HttpContext http, ISentimentModel model, IOptions<ApiOptions> options) =>
        model.Current is { } served ? TypedResults.Ok(ResponseMapping.ToModelResponse(served)) : Problems.NotReady(http, options.Value);

    private static async Task<Results<Ok<TResponse>, ValidationProblem, ProblemHttpResult>> ScoreAsync<TResponse>(
        HttpContext http, ISentimentModel model, TextRateLimiter limiter, ExtendedAnswers extended, ApiOptions limits,
        BodyParser<ParsedRequest> parse, bool itemErrorsFail, Func<ItemAnswer[], IReadOnlyList<RequestItem>, TResponse> answer)
    {
        var body = await RequestBody.ReadAsync(http, limits, parse);
        if (body.Invalid is { } invalid)
            return invalid;
        if (body.Refused is { } refused)
            return refused;
        var request = body.Value!;
        var items = request.Items;
        http.Items[TextLengthKey] = items.Sum(item => item.Text?.Length ?? 0);
        if (!limiter.TryAcquire(http, items.Count, out var retryAfter))
            return Problems.RateLimited(http, retryAfter, items.Count);
        if (!model.Ready)
            return Problems.NotReady(http, limits);
        try
        {
            // Each item is answered by the version that scored it: a reload may have swapped in a newer one.
            if (await RoutedScoring.ScoreAsync(http, model, extended, request) is not { } answers)
                return Problems.Busy(http, limits);
            // A batch answers a bad item in its place; a single text's request fails with it.
            if (itemErrorsFail && Problems.Unroutable(answers) is { } unroutable)
                return unroutable;
            return TypedResults.Ok(answer(answers, items));
        }
        catch (ScoringAbandonedException)
        {
            return Problems.ShuttingDown(http, limits);
        }
        catch (BatchTooLargeException e)
        {
            return Problems.NeverFits(e.Message);
        }
    }
}
