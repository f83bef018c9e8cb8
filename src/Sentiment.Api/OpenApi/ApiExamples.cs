using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sentiment.Api.Configuration;
using Sentiment.Api.Operations;
using Sentiment.Api.Scoring;

namespace Sentiment.Api.OpenApi;

/// <summary>
/// Example bodies for the Swagger UI, by endpoint name. Request examples are valid requests that work
/// as sent; error examples are built by the code that answers; the answers of the shipped model are
/// checked against the real service by a test.
/// </summary>
internal static class ApiExamples
{
    private static readonly ApiOptions Defaults = new();

    // The framework writes the W3C trace context of the request.
    private const string TraceId = "00-0af7651916cd43dd8448eb211c80319c-b7ad6b7169203331-00";

    private static readonly JsonSerializerOptions Web = new(JsonSerializerDefaults.Web);

    private static readonly ResponseDoc TooLarge = new(413, "The body is larger than MaxRequestBytes (default 1 MiB).",
        Problem("body too large", Problems.TooLarge(Defaults)));

    private static readonly ResponseDoc WrongType = new(415, "Content-Type is not application/json.",
        Problem("not JSON", Problems.UnsupportedMediaType("text/plain")));

    private static readonly NamedExample Loading = Problem("loading", Problems.NotReady(new DefaultHttpContext(), Defaults));

    private static readonly ResponseDoc Unavailable = new(503,
        "The model is still loading, or the scoring queue is full; retry after the Retry-After header's seconds.",
        Problem("queue full", Problems.Busy(new DefaultHttpContext(), Defaults)), Loading);

    private static readonly ResponseDoc NotLoaded = new(503,
        "The model is still loading; retry after the Retry-After header's seconds.", Loading);

    private static readonly EndpointExamples ScoreText = new(
        [
            new("positive review", """{ "text": "The plot was thin but the acting was wonderful and I would happily watch it again." }"""),
            new("negative review", """{ "text": "A dull, predictable film. Two hours I will never get back." }"""),
            new("emoji and markup", """{ "text": "<b>Loved it</b> 😍 — ¡qué película! مذهل" }"""),
            new("unreadable text", """{ "text": "qwxz vbnm" }"""),
        ],
        [
            new(200, "The model's answer.", new NamedExample("positive review", """
                { "label": "positive", "confidence": 0.88289726, "score": 0.7657945,
                  "probabilities": { "negative": 0.11710277, "positive": 0.88289726 },
                  "tokens": { "total": 16, "known": 16, "truncated": false }, "modelVersion": "1.1.0" }
                """), new NamedExample("unreadable text", """
                { "label": "unknown", "tokens": { "total": 2, "known": 0, "truncated": false },
                  "warnings": [ { "code": "no_known_words",
                    "message": "None of the text's 2 words is in the model's vocabulary, so the model cannot judge it." } ],
                  "modelVersion": "1.1.0" }
                """)),
            new(400, "The body is not valid: 'text' missing, null, not a string, empty or whitespace, " +
                "longer than MaxTextLength (default 5,120 characters), or the JSON is malformed.",
                Invalid("missing text", RequestParser.ParseText, "{}"),
                Invalid("text too long", RequestParser.ParseText, $$"""{"text": "{{new string('a', 6000)}}"}"""),
                Invalid("malformed JSON", RequestParser.ParseText, """{"text": "good" """)),
            TooLarge, WrongType, Unavailable,
        ]);

    private static readonly EndpointExamples ScoreBatch = new(
        [
            new("two reviews", """{ "texts": ["Wonderful acting and a moving story.", "Boring, far too long and badly written."] }"""),
        ],
        [
            new(200, "One answer per text, in request order.", new NamedExample("two reviews", """
                { "results": [
                    { "label": "positive", "confidence": 0.99744934, "score": 0.99489874,
                      "probabilities": { "negative": 0.0025506283, "positive": 0.99744934 },
                      "tokens": { "total": 6, "known": 6, "truncated": false } },
                    { "label": "negative", "confidence": 0.996452, "score": -0.99290395,
                      "probabilities": { "negative": 0.996452, "positive": 0.0035480235 },
                      "tokens": { "total": 7, "known": 7, "truncated": false } } ],
                  "modelVersion": "1.1.0" }
                """)),
            new(400, "The body is not valid: 'texts' missing, not an array, empty or longer than MaxTextsPerRequest (default 64), " +
                "an item that breaks the rules of 'text', or malformed JSON.",
                Invalid("empty batch", RequestParser.ParseTexts, """{"texts": []}"""),
                Invalid("too many texts", RequestParser.ParseTexts, JsonSerializer.Serialize(new { texts = Enumerable.Repeat("good", 65) })),
                Invalid("bad item", RequestParser.ParseTexts, """{"texts": ["good", 2]}""")),
            TooLarge, WrongType, Unavailable,
        ]);

    private static readonly EndpointExamples GetModel = new(
        [],
        [
            new(200, "The public part of the model's manifest.", new NamedExample("model", """
                { "name": "sentiment-lstm", "version": "1.1.0", "createdUtc": "2026-11-27T11:50:27.3331339+00:00",
                  "labels": ["negative", "positive"], "maxLength": 200,
                  "tokenizer": { "numWords": 20000, "maxLength": 200, "lowerCase": true,
                    "filters": "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", "split": " ", "truncating": "pre" },
                  "architecture": { "embeddingRows": 20000, "embeddingDim": 300, "lstmUnits": 256, "classes": 2,
                    "bidirectional": false, "pooling": "last" },
                  "data": {
                    "train": { "rows": 115778, "skipped": 4870, "perLabel": { "negative": 59468, "positive": 56310 } },
                    "validation": { "rows": 3008, "skipped": 304, "perLabel": { "negative": 1836, "positive": 1172 } },
                    "test": { "rows": 1821, "skipped": 0, "perLabel": { "negative": 912, "positive": 909 } } },
                  "metrics": {
                    "validation": { "rows": 3008, "accuracy": 0.8660239361702128, "macroF1": 0.8602582232119154,
                      "perClass": [
                        { "label": "negative", "precision": 0.9018508132361189, "recall": 0.8758169934640523, "f1": 0.8886432716219951, "support": 1836 },
                        { "label": "positive", "precision": 0.8138775510204082, "recall": 0.8506825938566553, "f1": 0.8318731748018355, "support": 1172 } ],
                      "confusion": [[1608, 228], [175, 997]] },
                    "test": { "rows": 1821, "accuracy": 0.8303130148270181, "macroF1": 0.8302227001545134,
                      "perClass": [
                        { "label": "negative", "precision": 0.8477508650519031, "recall": 0.805921052631579, "f1": 0.8263069139966274, "support": 912 },
                        { "label": "positive", "precision": 0.8144654088050315, "recall": 0.8547854785478548, "f1": 0.8341384863123994, "support": 909 } ],
                      "confusion": [[735, 177], [132, 777]] } },
                  "coverage": { "warnBelow": 0.5 } }
                """)),
            NotLoaded,
        ]);

    private static readonly EndpointExamples Live = new(
        [], [new(200, "The process is running.", new NamedExample("healthy", "\"Healthy\""))]);

    private static readonly EndpointExamples Ready = new(
        [],
        [
            new(200, "The bundle is loaded, its hashes match and a warm-up prediction succeeded.",
                new NamedExample("healthy", "\"Healthy\"")),
            NotLoaded,
        ]);

    private static readonly EndpointExamples Metrics = new(
        [],
        [
            new(200, "Prometheus text exposition format 0.0.4.", new NamedExample("excerpt", """
                "# HELP sentiment_queue_length Texts waiting for a model run. (ObservableGauge`1)\n# TYPE sentiment_queue_length gauge\nsentiment_queue_length 0\n# HELP sentiment_predictions_total Texts scored, by predicted label. (Counter`1)\n# TYPE sentiment_predictions_total gauge\nsentiment_predictions_total{label=\"positive\"} 42\n"
                """)),
        ]);

    public static readonly IReadOnlyDictionary<string, EndpointExamples> ByEndpoint = new Dictionary<string, EndpointExamples>
    {
        [SentimentApi.ScoreTextName] = ScoreText,
        [SentimentApi.ScoreBatchName] = ScoreBatch,
        [SentimentApi.GetModelName] = GetModel,
        [OperationalEndpoints.LiveName] = Live,
        [OperationalEndpoints.ReadyName] = Ready,
        [OperationalEndpoints.MetricsName] = Metrics,
    };

    private static NamedExample Invalid<T>(string name, BodyParser<T> parse, string body)
    {
        parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), Defaults, out var errors);
        return Problem(name, Problems.Invalid(errors).ProblemDetails);
    }

    private static NamedExample Problem(string name, ProblemHttpResult result) => Problem(name, result.ProblemDetails);

    private static NamedExample Problem(string name, ProblemDetails problem)
    {
        var json = JsonSerializer.SerializeToNode(problem, problem.GetType(), Web)!.AsObject();
        json["traceId"] = TraceId;
        return new NamedExample(name, json.ToJsonString());
    }
}
