using System.Text.Json.Nodes;
using Microsoft.OpenApi;
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
        });
        return builder;
    }

    public static WebApplication UseSentimentSwagger(this WebApplication app)
    {
        app.UseSwagger();
        app.UseSwaggerUI(options => options.DocumentTitle = "Sentiment API");
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
