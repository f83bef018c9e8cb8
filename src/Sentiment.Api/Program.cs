using Sentiment.Api.Endpoints;
using Sentiment.Api.Hosting;
using Sentiment.Api.OpenApi;

if (ProbeCommand.IsProbe(args))
    return await ProbeCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddSentimentLogging();
builder.AddSentimentApi();
builder.Services.AddSentimentModel();
builder.Services.AddSentimentSwagger();

var app = builder.Build();
app.UseSentimentPipeline();
app.UseSentimentSwagger();
app.MapSentimentEndpoints();
app.MapOperationalEndpoints();
return await ServiceRunner.RunAsync(app);

/// <summary>The entry point, public for WebApplicationFactory.</summary>
public partial class Program;
