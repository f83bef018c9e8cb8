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

    private static readonly ResponseDoc TooLarge = new(413, "The body is larger than MaxRequestBytes (default 1 MiB), or the texts for one model outweigh its whole scoring or explaining queue (Batching:QueueCapacity, Batching:QueueWordCapacity).",
        Problem("body too large", Problems.TooLarge(Defaults)));

    private static readonly ResponseDoc WrongType = new(415, "Content-Type is not application/json.",
        Problem("not JSON", Problems.UnsupportedMediaType("text/plain")));

    internal static readonly ResponseDoc NoKey = new(401,
        "API keys are configured and the request has none, or an unknown one (only then; the answer carries WWW-Authenticate: Bearer).",
        Problem("no key", Problems.Unauthorized(ApiKeyHandler.MissingKeyDetail)));

    private static readonly ResponseDoc TooMany = new(429,
        "The key's texts-per-second allowance is used up (only with RateLimit:TextsPerSecond); retry after the Retry-After header's seconds.",
        Problem("rate limited", Problems.RateLimited(new DefaultHttpContext(), TimeSpan.FromSeconds(1), 64)));

    private static readonly NamedExample Loading = Problem("loading", Problems.NotReady(new DefaultHttpContext(), Defaults));

    private static readonly ResponseDoc Unavailable = new(503,
        "The model is still loading, or the scoring queue is full; retry after the Retry-After header's seconds.",
        Problem("queue full", Problems.Busy(new DefaultHttpContext(), Defaults)), Loading);

    internal static readonly ResponseDoc NotLoaded = new(503,
        "The model is still loading; retry after the Retry-After header's seconds.", Loading);

    private static readonly EndpointExamples ScoreText = new(
        [
            new("positive review", """{ "text": "The plot was thin but the acting was wonderful and I would happily watch it again." }"""),
            new("negative review", """{ "text": "A dull, predictable film. Two hours I will never get back." }"""),
            new("emoji and markup", """{ "text": "<b>Loved it</b> 😍 — ¡qué película! مذهل" }"""),
            new("unreadable text", """{ "text": "qwxz vbnm" }"""),
            ChineseExamples.Request,
            new("explained mixed review", """{ "text": "Wonderful acting. The plot was boring.", "explain": true, "sentences": true }"""),
        ],
        [
            new(200, "The model's answer.", new NamedExample("positive review", """
                { "label": "positive", "confidence": 0.9645851, "score": 0.9528956,
                  "probabilities": {"negative": 0.011689571, "neutral": 0.023725316, "positive": 0.9645851},
                  "tokens": {"total": 16, "known": 16, "truncated": false}, "modelVersion": "2.0.0" }
                """), ChineseExamples.Response, new NamedExample("unreadable text", """
                { "label": "unknown", "tokens": { "total": 2, "known": 0, "truncated": false },
                  "warnings": [ { "code": "no_known_words",
                    "message": "None of the text's 2 words is in the model's vocabulary, so the model cannot judge it." } ],
                  "modelVersion": "2.0.0" }
                """), new NamedExample("explained mixed review", """
                { "label": "mixed", "confidence": 0.47518936, "score": -0.17832154,
                  "probabilities": {"negative": 0.47518936, "neutral": 0.22794282, "positive": 0.29686782},
                  "tokens": {"total": 6, "known": 6, "truncated": false},
                  "words": [
                    {"text": "wonderful", "offset": 0, "length": 9, "known": true, "contribution": -0.32258323, "scoreContribution": 0.61396307, "truncated": false},
                    {"text": "acting", "offset": 10, "length": 6, "known": true, "contribution": 0.07257968, "scoreContribution": -0.09870684, "truncated": false},
                    {"text": "the", "offset": 18, "length": 3, "known": true, "contribution": -0.04943958, "scoreContribution": 0.07565865, "truncated": false},
                    {"text": "plot", "offset": 22, "length": 4, "known": true, "contribution": 0.09307256, "scoreContribution": -0.18528739, "truncated": false},
                    {"text": "was", "offset": 27, "length": 3, "known": true, "contribution": 0.15324625, "scoreContribution": -0.26672307, "truncated": false},
                    {"text": "boring", "offset": 31, "length": 6, "known": true, "contribution": 0.47127032, "scoreContribution": -1.1354542, "truncated": false} ],
                  "sentences": [
                    {"text": "Wonderful acting.", "offset": 0, "length": 17, "label": "positive", "confidence": 0.95917356,
                     "probabilities": {"negative": 0.0017419138, "neutral": 0.039084475, "positive": 0.95917356}},
                    {"text": "The plot was boring.", "offset": 18, "length": 20, "label": "negative", "confidence": 0.8486383,
                     "probabilities": {"negative": 0.8486383, "neutral": 0.14517301, "positive": 0.0061887475}} ],
                  "modelVersion": "2.0.0" }
                """)),
            new(400, "The body is not valid: 'text' missing, null, not a string, empty or whitespace, " +
                "longer than MaxTextLength (default 5,120 characters), or the JSON is malformed.",
                Invalid("missing text", RequestParser.ParseText, "{}"),
                Invalid("text too long", RequestParser.ParseText, $$"""{"text": "{{new string('a', 6000)}}"}"""),
                Invalid("malformed JSON", RequestParser.ParseText, """{"text": "good" """)),
            NoKey, TooLarge, WrongType, TooMany, Unavailable,
        ]);

    // The English model's batch result for "Wonderful acting and a moving story.".
    private const string WonderfulActing = """
        { "label": "positive", "confidence": 0.9840083, "score": 0.9834241,
          "probabilities": {"negative": 0.00058417907, "neutral": 0.015407473, "positive": 0.9840083},
          "tokens": {"total": 6, "known": 6, "truncated": false}, "model": "sentiment-lstm", "modelVersion": "2.0.0" }
        """;

    private static readonly EndpointExamples ScoreBatch = new(
        [
            new("two reviews", """{ "texts": ["Wonderful acting and a moving story.", "Boring, far too long and badly written."] }"""),
            ChineseExamples.BatchRequest("Wonderful acting and a moving story."),
            new("ids and per-item errors", """{ "texts": [ { "id": "r1", "text": "Wonderful acting and a moving story." }, { "id": "r2", "text": "   " }, { "id": "r3", "text": "Un film magnifique.", "language": "fr" } ] }"""),
            new("explained, offsets in code points", """{ "texts": ["Loved it 😍", "I don't recommend it."], "explain": true, "offsetUnit": "codePoint" }"""),
        ],
        [
            new(200, "One entry per item, in request order: a result naming its model, or an error {code, message} for an item " +
                "that cannot be scored (empty, too long, not valid Unicode, a language no model reads, an unknown model).",
                new NamedExample("two reviews", $$"""
                { "results": [
                    {{WonderfulActing}},
                    { "label": "negative", "confidence": 0.9574422, "score": -0.95694906,
                      "probabilities": {"negative": 0.9574422, "neutral": 0.0420646, "positive": 0.00049315154},
                      "tokens": {"total": 7, "known": 7, "truncated": false}, "model": "sentiment-lstm", "modelVersion": "2.0.0" } ],
                  "modelVersion": "2.0.0" }
                """), ChineseExamples.BatchResponse(WonderfulActing, "2.0.0"), new NamedExample("ids and per-item errors", """
                { "results": [
                    { "id": "r1", "label": "positive", "confidence": 0.9840083, "score": 0.9834241,
                      "probabilities": {"negative": 0.00058417907, "neutral": 0.015407473, "positive": 0.9840083},
                      "tokens": {"total": 6, "known": 6, "truncated": false}, "model": "sentiment-lstm", "modelVersion": "2.0.0" },
                    { "id": "r2", "error": { "code": "empty_text", "message": "'texts[1].text' is empty or only whitespace." } },
                    { "id": "r3", "error": { "code": "unsupported_language",
                      "message": "'language' is 'fr', which no served model reads; languages served: en, zh." } } ],
                  "modelVersion": "2.0.0" }
                """), new NamedExample("explained, offsets in code points", """
                { "results": [
                    { "label": "positive", "confidence": 0.94608516, "score": 0.9427013,
                      "probabilities": {"negative": 0.0033839033, "neutral": 0.050530925, "positive": 0.94608516},
                      "tokens": {"total": 3, "known": 2, "truncated": false},
                      "words": [
                        {"text": "loved", "offset": 0, "length": 5, "known": true, "contribution": 0.70707726, "scoreContribution": 0.7965994, "truncated": false},
                        {"text": "it", "offset": 6, "length": 2, "known": true, "contribution": 0.006282389, "scoreContribution": 0.00977844, "truncated": false},
                        {"text": "😍", "offset": 9, "length": 1, "known": false, "contribution": 0, "scoreContribution": 0, "truncated": false} ],
                      "model": "sentiment-lstm", "modelVersion": "2.0.0" },
                    { "label": "negative", "confidence": 0.743003, "score": -0.699778,
                      "probabilities": {"negative": 0.743003, "neutral": 0.213772, "positive": 0.043225005},
                      "tokens": {"total": 5, "known": 5, "truncated": false},
                      "words": [
                        {"text": "i", "offset": 0, "length": 1, "known": true, "contribution": 0.04721415, "scoreContribution": -0.038832188, "truncated": false},
                        {"text": "do", "offset": 2, "length": 2, "known": true, "contribution": 0.0012372136, "scoreContribution": -0.0037448406, "truncated": false},
                        {"text": "n't", "offset": 4, "length": 3, "known": true, "contribution": 0.71641856, "scoreContribution": -1.439079, "truncated": false},
                        {"text": "recommend", "offset": 8, "length": 9, "known": true, "contribution": 0.3445822, "scoreContribution": -0.36236668, "truncated": false},
                        {"text": "it", "offset": 18, "length": 2, "known": true, "contribution": -0.02217549, "scoreContribution": 0.03184092, "truncated": false} ],
                      "model": "sentiment-lstm", "modelVersion": "2.0.0" } ],
                  "modelVersion": "2.0.0" }
                """)),
            new(400, "The body is not valid: 'texts' missing, not an array, empty or longer than MaxTextsPerRequest (default 64), " +
                "an item that is neither a string nor an object with a string 'text', a field of the wrong type, or malformed JSON.",
                Invalid("empty batch", RequestParser.ParseTexts, """{"texts": []}"""),
                Invalid("too many texts", RequestParser.ParseTexts, JsonSerializer.Serialize(new { texts = Enumerable.Repeat("good", 65) })),
                Invalid("bad item", RequestParser.ParseTexts, """{"texts": ["good", 2]}""")),
            NoKey, TooLarge, WrongType, TooMany, Unavailable,
        ]);

    internal static readonly EndpointExamples GetModel = new(
        [],
        [
            new(200, "The public part of the model's manifest.", new NamedExample("model", """
                { "name": "sentiment-lstm", "version": "2.0.0", "language": "en", "createdUtc": "2026-12-04T19:47:46.0445511+00:00", "labels": ["negative", "neutral", "positive"], "maxLength": 400,
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
                "# HELP sentiment_queue_length Texts waiting for a model run. (ObservableGauge`1)\n# TYPE sentiment_queue_length gauge\nsentiment_queue_length 0\n# HELP sentiment_predictions_total Texts scored, by model and predicted label. (Counter`1)\n# TYPE sentiment_predictions_total gauge\nsentiment_predictions_total{label=\"positive\",model=\"sentiment-lstm\"} 42\n"
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
        [AdminEndpoints.ReloadName] = AdminExamples.Reload,
        [ModelsApi.ListModelsName] = ModelsExamples.List,
    };

    private static NamedExample Invalid<T>(string name, BodyParser<T> parse, string body)
    {
        parse(new ReadOnlySequence<byte>(Encoding.UTF8.GetBytes(body)), Defaults, out var errors);
        return Problem(name, Problems.Invalid(errors).ProblemDetails);
    }

    internal static NamedExample Problem(string name, ProblemHttpResult result) => Problem(name, result.ProblemDetails);

    private static NamedExample Problem(string name, ProblemDetails problem)
    {
        var json = JsonSerializer.SerializeToNode(problem, problem.GetType(), Web)!.AsObject();
        json["traceId"] = TraceId;
        return new NamedExample(name, json.ToJsonString());
    }
}
