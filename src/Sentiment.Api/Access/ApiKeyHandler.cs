using System.Security.Claims;
using System.Text.Encodings.Web;
using Microsoft.AspNetCore.Authentication;
using Microsoft.Extensions.Options;
using Microsoft.Net.Http.Headers;
using Sentiment.Api.Scoring;

namespace Sentiment.Api.Access;

/// <summary>
/// Authenticates <c>Authorization: Bearer &lt;key&gt;</c> or <c>X-API-Key: &lt;key&gt;</c> against
/// <see cref="ApiKeyRing"/>; the user's name is the key's configured name, never the key.
/// </summary>
internal sealed class ApiKeyHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder, ApiKeyRing keys)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = "ApiKey";
    public const string KeyHeader = "X-API-Key";

    /// <summary>The role of a key marked <c>Admin</c>.</summary>
    public const string AdminRole = "admin";

    public const string MissingKeyDetail = $"Send a key as 'Authorization: Bearer <key>' or '{KeyHeader}: <key>'.";
    public const string UnknownKeyDetail = "The API key is not one of the configured keys.";

    private const string BearerPrefix = "Bearer ";

    protected override Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        if (!keys.Enabled || SentKey(Request) is not { } sent)
            return Task.FromResult(AuthenticateResult.NoResult());
        if (keys.Find(sent) is not { } key)
            return Task.FromResult(AuthenticateResult.Fail(UnknownKeyDetail));
        Claim[] claims = key.Admin
            ? [new Claim(ClaimTypes.Name, key.Name), new Claim(ClaimTypes.Role, AdminRole)]
            : [new Claim(ClaimTypes.Name, key.Name)];
        var principal = new ClaimsPrincipal(new ClaimsIdentity(claims, SchemeName));
        return Task.FromResult(AuthenticateResult.Success(new AuthenticationTicket(principal, SchemeName)));
    }

    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        Response.Headers.WWWAuthenticate = "Bearer";
        return Problems.Unauthorized(SentKey(Request) is null ? MissingKeyDetail : UnknownKeyDetail).ExecuteAsync(Context);
    }

    private static string? SentKey(HttpRequest request)
    {
        if (request.Headers[KeyHeader].ToString() is { Length: > 0 } key)
            return key;
        string authorization = request.Headers[HeaderNames.Authorization].ToString();
        return authorization.StartsWith(BearerPrefix, StringComparison.OrdinalIgnoreCase) && authorization.Length > BearerPrefix.Length
            ? authorization[BearerPrefix.Length..].Trim()
            : null;
    }
}
