using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;
using Sentiment.Api.Access;
using Sentiment.Api.Configuration;
using Sentiment.Api.Contracts;
using Sentiment.Api.Scoring;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Operations;

/// <summary><c>POST /admin/reload</c>: swaps in the bundles found in the model folders, or keeps the old ones.</summary>
public static class AdminEndpoints
{
    public const string ReloadName = "ReloadModels";

    public static IEndpointRouteBuilder MapAdminEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapPost("/admin/reload", ReloadAsync)
            .WithName(ReloadName)
            .WithTags("Admin")
            .WithSummary("Reload the model bundles from their folders.")
            .WithDescription("Loads each bundle folder again, checks it as start-up does (files, hashes, shapes, labels), warms it up " +
                "and swaps it in; requests in flight finish on the version they started with. A bundle that fails a check is " +
                "refused (422) and its previous version keeps serving. `model` reloads one bundle only. Needs an API key " +
                "marked Admin; without keys, only when Admin:AllowUnauthenticated is set.")
            .Produces<ReloadResponse>(StatusCodes.Status200OK)
            .Produces<ReloadResponse>(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status401Unauthorized)
            .ProducesProblem(StatusCodes.Status403Forbidden)
            .ProducesProblem(StatusCodes.Status404NotFound)
            .ProducesProblem(StatusCodes.Status503ServiceUnavailable);
        return app;
    }

    internal static async Task<Results<Ok<ReloadResponse>, UnprocessableEntity<ReloadResponse>, ProblemHttpResult>> ReloadAsync(
        HttpContext http, ModelHost host, ApiKeyRing keys, IOptions<AdminOptions> admin, IOptions<ApiOptions> api, string? model = null)
    {
        // With keys, the fallback policy has already answered 401 to a request without a valid one.
        if (keys.Enabled ? !http.User.IsInRole(ApiKeyHandler.AdminRole) : !admin.Value.AllowUnauthenticated)
            return Problems.Forbidden(keys.Enabled
                ? "Reloading needs an API key marked Admin (Auth:ApiKeys:<n>:Admin)."
                : "Admin endpoints are off while no API keys are configured; set Admin:AllowUnauthenticated for local use.");
        if (!host.Ready)
            return Problems.NotReady(http, api.Value);
        // Loading, hashing and warming up take a while: off the request thread.
        if (await Task.Run(() => host.Reload(model)) is not { } outcomes)
            return Problems.UnknownModel(model!, host.Models.Select(m => m.Name));
        var response = new ReloadResponse([.. outcomes.Select(o => new ReloadResult(
            o.Serving?.Name ?? o.Previous?.Name ?? "", o.Result, o.Serving?.Version, o.Previous?.Version, o.File, o.Reason))]);
        return outcomes.All(o => o.Succeeded) ? TypedResults.Ok(response) : TypedResults.UnprocessableEntity(response);
    }
}
