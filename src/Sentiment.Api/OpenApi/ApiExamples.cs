using System.Buffers;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Sentiment.Api.Access;
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

    private static readonly ResponseDoc TooLarge = new(413, "The body is larger than MaxRequestBytes (default 1 MiB), or the texts outweigh the whole scoring queue (Batching:QueueCapacity, Batching:QueueWordCapacity).",
        Problem("body too large", Problems.TooLarge(Defaults)));

    private static readonly ResponseDoc WrongType = new(415, "Content-Type is not application/json.",
        Problem("not JSON", Problems.UnsupportedMediaType("text/plain")));

    private static readonly ResponseDoc NoKey = new(401,
        "API keys are configured and the request has none, or an unknown one (only then; the answer carries WWW-Authenticate: Bearer).",
        Problem("no key", Problems.Unauthorized(ApiKeyHandler.MissingKeyDetail)));

    private static readonly ResponseDoc TooMany = new(429,
        "The key's texts-per-second allowance is used up (only with RateLimit:TextsPerSecond); retry after the Retry-After header's seconds.",
        Problem("rate limited", Problems.RateLimited(new DefaultHttpContext(), TimeSpan.FromSeconds(1), 64)));

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
                { "label": "positive", "confidence": 0.9645851, "score": 0.9528956,
                  "probabilities": {"negative": 0.011689571, "neutral": 0.023725316, "positive": 0.9645851},
                  "tokens": {"total": 16, "known": 16, "truncated": false}, "modelVersion": "2.0.0" }
                """), new NamedExample("unreadable text", """
                { "label": "unknown", "tokens": { "total": 2, "known": 0, "truncated": false },
                  "warnings": [ { "code": "no_known_words",
                    "message": "None of the text's 2 words is in the model's vocabulary, so the model cannot judge it." } ],
                  "modelVersion": "2.0.0" }
                """)),
            new(400, "The body is not valid: 'text' missing, null, not a string, empty or whitespace, " +
                "longer than MaxTextLength (default 5,120 characters), or the JSON is malformed.",
                Invalid("missing text", RequestParser.ParseText, "{}"),
                Invalid("text too long", RequestParser.ParseText, $$"""{"text": "{{new string('a', 6000)}}"}"""),
                Invalid("malformed JSON", RequestParser.ParseText, """{"text": "good" """)),
            NoKey, TooLarge, WrongType, TooMany, Unavailable,
        ]);

    private static readonly EndpointExamples ScoreBatch = new(
        [
            new("two reviews", """{ "texts": ["Wonderful acting and a moving story.", "Boring, far too long and badly written."] }"""),
        ],
        [
            new(200, "One answer per text, in request order.", new NamedExample("two reviews", """
                { "results": [
                    { "label": "positive", "confidence": 0.9840083, "score": 0.9834241,
                      "probabilities": {"negative": 0.00058417907, "neutral": 0.015407473, "positive": 0.9840083},
                      "tokens": {"total": 6, "known": 6, "truncated": false} },
                    { "label": "negative", "confidence": 0.9574422, "score": -0.95694906,
                      "probabilities": {"negative": 0.9574422, "neutral": 0.0420646, "positive": 0.00049315154},
                      "tokens": {"total": 7, "known": 7, "truncated": false} } ],
                  "modelVersion": "2.0.0" }
                """)),
            new(400, "The body is not valid: 'texts' missing, not an array, empty or longer than MaxTextsPerRequest (default 64), " +
                "an item that breaks the rules of 'text', or malformed JSON.",
                Invalid("empty batch", RequestParser.ParseTexts, """{"texts": []}"""),
                Invalid("too many texts", RequestParser.ParseTexts, JsonSerializer.Serialize(new { texts = Enumerable.Repeat("good", 65) })),
                Invalid("bad item", RequestParser.ParseTexts, """{"texts": ["good", 2]}""")),
            NoKey, TooLarge, WrongType, TooMany, Unavailable,
        ]);

    private static readonly EndpointExamples GetModel = new(
        [],
        [
            new(200, "The public part of the model's manifest.", new NamedExample("model", """
                { "name": "sentiment-lstm", "version": "2.0.0", "createdUtc": "2026-12-04T19:47:46.0445511+00:00", "labels": ["negative", "neutral", "positive"], "maxLength": 400,
                  "tokenizer": {"numWords": 30000, "maxLength": 400, "lowerCase": true, "filters": "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", "split": " ", "truncating": "pre", "normalization": "user-text-v1"},
                  "architecture": {"embeddingRows": 30000, "embeddingDim": 200, "lstmUnits": 128, "classes": 3, "bidirectional": true, "pooling": "last-max-mean"},
                  "data": {"train": {"rows": 232498, "skipped": 0, "perLabel": {"negative": 72687, "neutral": 83845, "positive": 75966}}, "validation": {"rows": 8404, "skipped": 0, "perLabel": {"negative": 4208, "neutral": 532, "positive": 3664}}, "test": {"rows": 15363, "skipped": 0, "perLabel": {"negative": 7627, "neutral": 694, "positive": 7042}}},
                  "metrics": {
                    "validation": {"rows": 8404, "accuracy": 0.8636363636363636, "macroF1": 0.7479810891718056, "perClass": [{"label": "negative", "precision": 0.8909134500119875, "recall": 0.8830798479087453, "f1": 0.8869793531447666, "support": 4208}, {"label": "neutral", "precision": 0.4450354609929078, "recall": 0.4718045112781955, "f1": 0.45802919708029194, "support": 532}, {"label": "positive", "precision": 0.8996719518862767, "recall": 0.8981986899563319, "f1": 0.8989347172903579, "support": 3664}], "confusion": [[3716, 214, 270], [183, 251, 97], [272, 99, 3291]]},
                    "test": {"rows": 15363, "accuracy": 0.8545206014450303, "macroF1": 0.7057638828129202, "perClass": [{"label": "negative", "precision": 0.8903962390866353, "recall": 0.8691490756522879, "f1": 0.8796443736730362, "support": 7627}, {"label": "neutral", "precision": 0.28776290630975143, "recall": 0.43371757925072046, "f1": 0.34597701149425286, "support": 694}, {"label": "positive", "precision": 0.9034985422740525, "recall": 0.8801476853166714, "f1": 0.8916702632714718, "support": 7042}], "confusion": [[6629, 472, 523], [252, 301, 139], [564, 273, 6198]]} },
                  "calibration": {"temperature": 1.3695985185750614, "validationErrorBefore": 0.034293695099861035, "validationErrorAfter": 0.006380076481579906},
                  "coverage": {"warnBelow": 0.5} }
                """)),
            NoKey,
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
