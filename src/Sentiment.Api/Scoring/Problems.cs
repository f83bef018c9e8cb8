using System.Globalization;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sentiment.Api.Configuration;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Scoring;

/// <summary>Every refusal the API gives, each mapped to its status code here and nowhere else.</summary>
internal static class Problems
{
    private const string UnsupportedMediaTypeTitle = "Unsupported media type.";

    public static ValidationProblem Invalid(ErrorBag errors) =>
        TypedResults.ValidationProblem(errors.Errors, title: "The request is not valid.");

    /// <summary>
    /// A 400 for a text no served model can answer (an unknown <c>model</c>, an unserved
    /// <c>language</c>), the message naming what is served; null when it has a model.
    /// </summary>
    public static ValidationProblem? Unroutable(IReadOnlyList<ItemAnswer> answers)
    {
        if (answers.FirstOrDefault(a => a.ErrorCode is not null) is not { ErrorCode: { } code } answer)
            return null;
        var errors = new ErrorBag();
        errors.Add(code == ModelChoice.UnknownModel ? RoutingHints.ModelField : RoutingHints.LanguageField, answer.ErrorMessage!);
        return Invalid(errors);
    }

    public static ProblemHttpResult UnsupportedMediaType(string? contentType) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: UnsupportedMediaTypeTitle,
        detail: UnsupportedMediaTypeDetail(contentType));

    /// <summary>Gives the 415 that routing sends before an endpoint runs the same title and detail.</summary>
    public static void DescribeUnsupportedMediaType(ProblemDetails problem, string? contentType)
    {
        problem.Title = UnsupportedMediaTypeTitle;
        problem.Detail = UnsupportedMediaTypeDetail(contentType);
    }

    private static string UnsupportedMediaTypeDetail(string? contentType) =>
        $"Content-Type must be application/json, not '{contentType ?? "(none)"}'.";

    public static ProblemHttpResult UnsupportedEncoding(string coding) => TypedResults.Problem(
        statusCode: StatusCodes.Status415UnsupportedMediaType,
        title: "Unsupported content encoding.",
        detail: $"Content-Encoding '{coding}' is not supported; send the JSON body uncompressed.");

    public static ProblemHttpResult TooLarge(ApiOptions limits) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Request body too large.",
        detail: $"The request body is larger than {limits.MaxRequestBytes} bytes (MaxRequestBytes).");

    /// <summary>413, not 503: retrying a request larger than a whole queue can never succeed.</summary>
    public static ProblemHttpResult NeverFits(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status413PayloadTooLarge,
        title: "Batch larger than the whole queue.",
        detail: detail);

    public static ProblemHttpResult Unreadable(BadHttpRequestException e, ApiOptions limits) =>
        e.StatusCode == StatusCodes.Status413PayloadTooLarge ? TooLarge(limits) : Unreadable(e, e.StatusCode);

    public static ProblemHttpResult Unreadable(IOException e, int status = StatusCodes.Status400BadRequest) =>
        TypedResults.Problem(statusCode: status, title: "Unreadable request body.", detail: e.Message);

    /// <summary>401 for a missing or unknown API key; the caller adds <c>WWW-Authenticate</c>.</summary>
    public static ProblemHttpResult Unauthorized(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status401Unauthorized,
        type: "https://www.rfc-editor.org/rfc/rfc6750#section-3.1",
        title: "A valid API key is required.",
        detail: detail);

    public static ProblemHttpResult Forbidden(string detail) => TypedResults.Problem(
        statusCode: StatusCodes.Status403Forbidden, title: "Not allowed.", detail: detail);

    public static ProblemHttpResult UnknownModel(string model, IEnumerable<string> served) => TypedResults.Problem(
        statusCode: StatusCodes.Status404NotFound,
        title: "Unknown model.",
        detail: $"No model is named '{model}'; served: {string.Join(", ", served)}.");

    public static ProblemHttpResult RateLimited(HttpContext http, TimeSpan retryAfter, int texts)
    {
        http.Response.Headers.RetryAfter = Math.Max(1, (int)Math.Ceiling(retryAfter.TotalSeconds)).ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(
            statusCode: StatusCodes.Status429TooManyRequests,
            title: "Too many texts.",
            detail: $"These {texts} texts are more than the key's texts-per-second allowance has left (RateLimit:TextsPerSecond); retry later.");
    }

    public static ProblemHttpResult NotReady(HttpContext http, ApiOptions limits) =>
        Unavailable(http, limits, "Model not ready.", "The model is still loading; retry shortly.");

    public static ProblemHttpResult Busy(HttpContext http, ApiOptions limits) =>
        Unavailable(http, limits, "Server busy.", "The scoring queue is full; retry shortly.");

    public static ProblemHttpResult ShuttingDown(HttpContext http, ApiOptions limits) =>
        Unavailable(http, limits, "Shutting down.", "This instance is stopping; retry, another one will answer.");

    private static ProblemHttpResult Unavailable(HttpContext http, ApiOptions limits, string title, string detail)
    {
        http.Response.Headers.RetryAfter = limits.RetryAfterSeconds.ToString(CultureInfo.InvariantCulture);
        return TypedResults.Problem(statusCode: StatusCodes.Status503ServiceUnavailable, title: title, detail: detail);
    }
}
