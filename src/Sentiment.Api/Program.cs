using Sentiment.Api.Access;
using Sentiment.Api.Demo;
using Sentiment.Api.OpenApi;
using Sentiment.Api.Operations;
using Sentiment.Api.Scoring;
using Sentiment.Api.Serving;

if (ProbeCommand.IsProbe(args))
    return await ProbeCommand.RunAsync(args);

var builder = WebApplication.CreateBuilder(args);
builder.AddSentimentLogging();
builder.AddSentimentServer();
builder.AddSentimentCompression();
builder.AddSentimentMetrics();
builder.AddSentimentScoring();
builder.AddSentimentModel();
builder.AddSentimentSwagger();
builder.AddSentimentAccess();

var app = builder.Build();
app.UseSentimentPipeline();
app.UseSentimentCompression();
app.UseSentimentSwagger();
app.UseSentimentAccess();
app.MapSentimentEndpoints();
app.MapModelsEndpoints();
app.MapOperationalEndpoints();
app.MapAdminEndpoints();
app.MapDemoPage();
return await ServiceRunner.RunAsync(app);
