using System.Text.Json.Nodes;
using Microsoft.Extensions.Options;
using Microsoft.OpenApi;
using Sentiment.Api.Access;
using Sentiment.Api.Configuration;
using Swashbuckle.AspNetCore.SwaggerGen;

namespace Sentiment.Api.OpenApi;

/// <summary>Swagger UI at /swagger, document at /swagger/v1/swagger.json.</summary>
public static class SwaggerSetup
{
    private const string Description =
        "Self-hosted sentiment analysis: an Embedding-LSTM-Dense model served with ONNX Runtime. " +
        "Send text, get a label, its confidence, a score in [-1, 1] and how much of the text the model knows. " +
        "Every bad request gets an RFC 9457 problem (application/problem+json) naming the field; " +
        "every response carries the X-Model-Version header.";

    public const string BearerScheme = "Bearer";
    public const string HeaderScheme = "ApiKey";

    public static WebApplicationBuilder AddSentimentSwagger(this WebApplicationBuilder builder)
    {
        builder.Services.AddEndpointsApiExplorer();
        builder.Services.AddSwaggerGen(options =>
        {
            options.SwaggerDoc("v1", new OpenApiInfo { Title = "Sentiment API", Version = "v1", Description = Description });
            string xml = Path.Combine(AppContext.BaseDirectory, "Sentiment.Api.xml");
            if (File.Exists(xml))
                options.IncludeXmlComments(xml);
            options.SupportNonNullableReferenceTypes();
            options.NonNullableReferenceTypesAsRequired();
            options.OperationFilter<ExamplesOperationFilter>();
            options.SchemaFilter<OpenRequestSchemaFilter>();
            AddKeySchemes(options);
        });
        return builder;
    }

    /// <summary>Either header works, so the Authorize button offers both; a service without keys ignores them.</summary>
    private static void AddKeySchemes(SwaggerGenOptions options)
    {
        options.AddSecurityDefinition(BearerScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            Description = "An API key, sent as 'Authorization: Bearer <key>' (only when the service has Auth:ApiKeys).",
        });
        options.AddSecurityDefinition(HeaderScheme, new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = ApiKeyHandler.KeyHeader,
            Description = "An API key, sent as 'X-API-Key: <key>' (only when the service has Auth:ApiKeys).",
        });
        // Two requirements, not one with two schemes: either header is enough.
        foreach (string scheme in new[] { BearerScheme, HeaderScheme })
            options.AddSecurityRequirement(document => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(scheme, document)] = [] });
    }

    /// <summary>Served only while <c>Api:Swagger</c> is true, read per request so a bad value refuses the start like any setting.</summary>
    public static WebApplication UseSentimentSwagger(this WebApplication app)
    {
        app.UseWhen(http => http.RequestServices.GetRequiredService<IOptions<ApiOptions>>().Value.Swagger, swagger =>
        {
            swagger.UseSwagger();
            swagger.UseSwaggerUI(options => options.DocumentTitle = "Sentiment API");
        });
        return app;
    }
}

/// <summary>Request bodies may carry fields the API does not know; they are ignored, not refused.</summary>
internal sealed class OpenRequestSchemaFilter : ISchemaFilter
{
    public void Apply(IOpenApiSchema schema, SchemaFilterContext context)
    {
        if (schema is OpenApiSchema concrete && context.Type.Name.EndsWith("Request", StringComparison.Ordinal))
        {
            concrete.AdditionalPropertiesAllowed = true;
            concrete.AdditionalProperties = null;
        }
    }
}

/// <summary>Copies the <see cref="ApiExamples"/> of the operation's endpoint name into the generated operation.</summary>
internal sealed class ExamplesOperationFilter : IOperationFilter
{
    public void Apply(OpenApiOperation operation, OperationFilterContext context)
    {
        string? name = context.ApiDescription.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().LastOrDefault()?.EndpointName;
        if (name is null || !ApiExamples.ByEndpoint.TryGetValue(name, out var examples))
            return;
        if (operation.RequestBody?.Content is { } requestContent)
            SetExamples(requestContent, examples.Request);
        foreach (var doc in examples.Responses)
        {
            string status = doc.Status.ToString(System.Globalization.CultureInfo.InvariantCulture);
            if (operation.Responses?.TryGetValue(status, out var response) != true || response is not OpenApiResponse documented)
                continue;
            documented.Description = doc.Description;
            if (documented.Content is { } content)
                SetExamples(content, doc.Examples);
        }
    }

    private static void SetExamples(IDictionary<string, OpenApiMediaType> content, IReadOnlyList<NamedExample> examples)
    {
        if (examples.Count == 0)
            return;
        foreach (var media in content.Values)
        {
            media.Examples = new Dictionary<string, IOpenApiExample>();
            foreach (var example in examples)
                media.Examples[example.Name] = new OpenApiExample { Summary = example.Name, Value = JsonNode.Parse(example.Json) };
        }
    }
}
