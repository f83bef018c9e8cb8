namespace Sentiment.Api.OpenApi;

/// <summary>Example bodies for the Swagger UI; request examples are valid requests that work as sent.</summary>
internal static class ApiExamples
{
    private const string Result = """
        "label": "positive", "confidence": 0.93, "score": 0.86,
        "probabilities": { "negative": 0.07, "positive": 0.93 },
        "tokens": { "total": 16, "known": 15, "truncated": false }
        """;

    private const string TraceId = "\"traceId\": \"0HNBJ8V3C2K1Q:00000001\"";

    private static readonly ResponseDoc TooLarge = new(413, "The body is larger than MaxRequestBytes (default 1 MiB).",
        new NamedExample("body too large", $$"""
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.14", "title": "Request body too large.", "status": 413,
              "detail": "The request body is larger than 1048576 bytes (MaxRequestBytes).", {{TraceId}} }
            """));

    private static readonly ResponseDoc WrongType = new(415, "Content-Type is not application/json.",
        new NamedExample("not JSON", $$"""
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.16", "title": "Unsupported media type.", "status": 415,
              "detail": "Content-Type must be application/json, not 'text/plain'.", {{TraceId}} }
            """));

    private static readonly ResponseDoc Unavailable = new(503,
        "The model is still loading, or the scoring queue is full; retry after the Retry-After header's seconds.",
        new NamedExample("queue full", $$"""
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.6.4", "title": "Server busy.", "status": 503,
              "detail": "The scoring queue is full; retry shortly.", {{TraceId}} }
            """),
        new NamedExample("loading", $$"""
            { "type": "https://tools.ietf.org/html/rfc9110#section-15.6.4", "title": "Model not ready.", "status": 503,
              "detail": "The model is still loading; retry shortly.", {{TraceId}} }
            """));

    public static readonly EndpointExamples ScoreText = new(
        [
            new("positive review", """{ "text": "The plot was thin but the acting was wonderful and I would happily watch it again." }"""),
            new("negative review", """{ "text": "A dull, predictable film. Two hours I will never get back." }"""),
            new("emoji and markup", """{ "text": "<b>Loved it</b> 😍 — ¡qué película! مذهل" }"""),
        ],
        [
            new(200, "The model's answer.", new NamedExample("positive", $$"""{ {{Result}}, "modelVersion": "1.0.0" }""")),
            new(400, "The body is not valid: 'text' missing, null, not a string, empty or whitespace, " +
                "longer than MaxTextLength (default 5,120 characters), or the JSON is malformed.",
                Invalid("missing text", "text", "'text' is required."),
                Invalid("text too long", "text", "'text' has 6000 characters; the limit is 5120 (MaxTextLength)."),
                Invalid("malformed JSON", "body",
                    "The request body is not valid JSON: Expected depth to be zero at the end of the JSON payload. " +
                    "There is an open JSON object or array that should be closed. LineNumber: 0 | BytePositionInLine: 14.")),
            TooLarge, WrongType, Unavailable,
        ]);

    public static readonly EndpointExamples ScoreBatch = new(
        [
            new("two reviews", """{ "texts": ["Wonderful acting and a moving story.", "Boring, far too long and badly written."] }"""),
        ],
        [
            new(200, "One answer per text, in request order.", new NamedExample("two results", $$"""
                { "results": [ { {{Result}} },
                  { "label": "negative", "confidence": 0.88, "score": -0.76,
                    "probabilities": { "negative": 0.88, "positive": 0.12 },
                    "tokens": { "total": 7, "known": 7, "truncated": false } } ],
                  "modelVersion": "1.0.0" }
                """)),
            new(400, "The body is not valid: 'texts' missing, not an array, empty or longer than MaxBatchSize (default 64), " +
                "an item that breaks the rules of 'text', or malformed JSON.",
                Invalid("empty batch", "texts", "'texts' is empty; send 1 to 64 texts (MaxBatchSize)."),
                Invalid("too many texts", "texts", "'texts' has 65 items; the limit is 64 (MaxBatchSize)."),
                Invalid("bad item", "texts[1]", "'texts[1]' must be a string, not a number.")),
            TooLarge, WrongType, Unavailable,
        ]);

    public static readonly EndpointExamples GetModel = new(
        [],
        [
            new(200, "The public part of the model's manifest.", new NamedExample("model", """
                { "name": "sentiment-lstm", "version": "1.0.0", "createdUtc": "2025-01-01T00:00:00+00:00",
                  "labels": ["negative", "positive"], "maxLength": 200,
                  "tokenizer": { "numWords": 2500, "maxLength": 200, "lowerCase": true,
                    "filters": "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", "split": " ", "truncating": "pre" },
                  "architecture": { "embeddingRows": 2500, "embeddingDim": 128, "lstmUnits": 196, "classes": 2 },
                  "metrics": { "test": { "rows": 5000, "accuracy": 0.87, "macroF1": 0.87,
                    "perClass": [ { "label": "negative", "precision": 0.86, "recall": 0.88, "f1": 0.87, "support": 2500 },
                                  { "label": "positive", "precision": 0.88, "recall": 0.86, "f1": 0.87, "support": 2500 } ],
                    "confusion": [[2200, 300], [350, 2150]] } } }
                """)),
            Unavailable,
        ]);

    public static readonly EndpointExamples Live = new(
        [], [new(200, "The process is running.", new NamedExample("healthy", "\"Healthy\""))]);

    public static readonly EndpointExamples Ready = new(
        [],
        [
            new(200, "The bundle is loaded, its hashes match and a warm-up prediction succeeded.",
                new NamedExample("healthy", "\"Healthy\"")),
            Unavailable,
        ]);

    public static readonly EndpointExamples Metrics = new(
        [],
        [
            new(200, "Prometheus text exposition format 0.0.4.", new NamedExample("excerpt", """
                "# HELP sentiment_queue_length Texts waiting for a model run.\n# TYPE sentiment_queue_length gauge\nsentiment_queue_length 0\n# HELP sentiment_predictions_total Texts scored, by predicted label.\n# TYPE sentiment_predictions_total counter\nsentiment_predictions_total{label=\"positive\"} 42\n"
                """)),
        ]);

    private static NamedExample Invalid(string name, string field, string message) => new(name, $$"""
        { "type": "https://tools.ietf.org/html/rfc9110#section-15.5.1", "title": "The request is not valid.", "status": 400,
          "errors": { "{{field}}": [ {{System.Text.Json.JsonSerializer.Serialize(message)}} ] }, {{TraceId}} }
        """);
}
