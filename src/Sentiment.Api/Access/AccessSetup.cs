using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Operations;
using AspNetCorsOptions = Microsoft.AspNetCore.Cors.Infrastructure.CorsOptions;

namespace Sentiment.Api.Access;

/// <summary>Who may call the API: optional API keys, browser origins (CORS), and no <c>Server</c> header.</summary>
public static class AccessSetup
{
    /// <summary>The policy of /metrics: a key when keys are on and <c>Auth:ProtectMetrics</c> is set, else open.</summary>
    public const string MetricsPolicy = "Metrics";

    public static WebApplicationBuilder AddSentimentAccess(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddValidatedOptions<AuthOptions>(AuthOptions.Section);
        services.AddValidatedOptions<CrossOriginOptions>(CrossOriginOptions.Section);
        services.AddSingleton<ApiKeyRing>();
        services.AddAuthentication(ApiKeyHandler.SchemeName)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyHandler>(ApiKeyHandler.SchemeName, configureOptions: null);
        services.AddAuthorization();
        // Policies read the settings when first used, after ValidateOnStart has checked them.
        services.AddOptions<AuthorizationOptions>().Configure<IOptions<AuthOptions>>((authorization, auth) =>
        {
            var keyRequired = new AuthorizationPolicyBuilder(ApiKeyHandler.SchemeName).RequireAuthenticatedUser().Build();
            var open = new AuthorizationPolicyBuilder().RequireAssertion(_ => true).Build();
            // Every endpoint not marked otherwise; a path with no endpoint gets its 404, keys or not.
            if (auth.Value.Enabled)
                authorization.FallbackPolicy = new AuthorizationPolicyBuilder(ApiKeyHandler.SchemeName)
                    .RequireAssertion(context => context.User.Identity?.IsAuthenticated == true
                        || (context.Resource is HttpContext http && http.GetEndpoint() is null))
                    .Build();
            authorization.AddPolicy(MetricsPolicy, auth.Value.Enabled && auth.Value.ProtectMetrics ? keyRequired : open);
        });
        services.AddCors();
        services.AddOptions<AspNetCorsOptions>().Configure<IOptions<CrossOriginOptions>>((cors, origins) =>
        {
            // No origins, no default policy: the middleware then adds nothing and a preflight gets 405.
            if (origins.Value.AllowedOrigins.Count > 0)
                cors.AddDefaultPolicy(policy => policy.WithOrigins([.. origins.Value.AllowedOrigins])
                    .WithMethods(HttpMethods.Get, HttpMethods.Post)
                    .WithHeaders("Content-Type", "Authorization", ApiKeyHandler.KeyHeader)
                    .WithExposedHeaders(ModelVersionHeader.Name, ModelVersionHeader.ModelName, "Retry-After"));
        });
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.AddServerHeader = false);
        return builder;
    }

    /// <summary>After routing and the Swagger UI (which stays open so a key can be typed into it), before the endpoints.</summary>
    public static WebApplication UseSentimentAccess(this WebApplication app)
    {
        app.UseCors();
        app.UseAuthentication();
        app.UseAuthorization();
        return app;
    }
}
