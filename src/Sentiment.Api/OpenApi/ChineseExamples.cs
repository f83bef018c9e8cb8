namespace Sentiment.Api.OpenApi;

/// <summary>
/// Examples answered by the shipped Chinese model (models/zh), kept apart from the English ones so
/// that a new English model changes none of these values.
/// </summary>
internal static class ChineseExamples
{
    private const string Review = "这部电影太无聊了"; // "this film is so boring"

    // The fields of the Chinese model's answer to Review, alone or in a batch.
    private const string Answer = """
        "label": "negative", "confidence": 0.9780335, "score": -0.95606697,
          "probabilities": {"negative": 0.9780335, "positive": 0.021966543},
          "tokens": {"total": 15, "known": 12, "truncated": false}
        """;

    private const string Version = "1.0.0";

    public static NamedExample Request { get; } = new("Chinese review", $$"""{ "text": "{{Review}}" }""");

    public static NamedExample Response { get; } = new("Chinese review", $$"""{ {{Answer}}, "modelVersion": "{{Version}}" }""");

    private const string BatchName = "English and Chinese reviews";

    /// <summary>A batch of an English review, with the English model's answer, and the Chinese review: each goes to its model by script.</summary>
    public static NamedExample BatchRequest(string english) => new(BatchName, $$"""{ "texts": ["{{english}}", "{{Review}}"] }""");

    public static NamedExample BatchResponse(string englishResult, string englishVersion) => new(BatchName, $$"""
        { "results": [
            {{englishResult}},
            { {{Answer}}, "model": "sentiment-zh-lstm", "modelVersion": "{{Version}}" } ],
          "modelVersion": "{{englishVersion}}, {{Version}}" }
        """);

    /// <summary>GET /model's answer for sentiment-zh-lstm, as GET /models lists it.</summary>
    public const string Model = """
        { "name": "sentiment-zh-lstm", "version": "1.0.0", "language": "zh", "createdUtc": "2026-12-04T22:14:16.817057+00:00", "labels": ["negative", "positive"], "maxLength": 256,
          "tokenizer": {"numWords": 20000, "maxLength": 256, "lowerCase": true, "filters": "!\"#$%&()*+,-./:;<=>?@[\\]^_`{|}~\t\n", "split": " ", "truncating": "pre"},
          "architecture": {"embeddingRows": 20000, "embeddingDim": 96, "lstmUnits": 96, "classes": 2, "bidirectional": true, "pooling": "last-max-mean"},
          "data": {"train": {"rows": 61196, "skipped": 0, "perLabel": {"negative": 31694, "positive": 29502}}, "validation": {"rows": 7650, "skipped": 0, "perLabel": {"negative": 3961, "positive": 3689}}, "test": {"rows": 7687, "skipped": 0, "perLabel": {"negative": 3975, "positive": 3712}}},
          "metrics": {
            "validation": {"rows": 7650, "accuracy": 0.9166013071895425, "macroF1": 0.9165807811226139, "perClass": [{"label": "negative", "precision": 0.9362037280126018, "recall": 0.9002777076495835, "f1": 0.9178893178893179, "support": 3961}, {"label": "positive", "precision": 0.8971621973444416, "recall": 0.9341284901057197, "f1": 0.9152722443559098, "support": 3689}], "confusion": [[3566, 395], [243, 3446]]},
            "test": {"rows": 7687, "accuracy": 0.9172629114088722, "macroF1": 0.9172468775453413, "perClass": [{"label": "negative", "precision": 0.9371563236449332, "recall": 0.900377358490566, "f1": 0.9183987682832947, "support": 3975}, {"label": "positive", "precision": 0.8976215098241985, "recall": 0.9353448275862069, "f1": 0.916094986807388, "support": 3712}], "confusion": [[3579, 396], [240, 3472]]} },
          "calibration": {"temperature": 1.1203177939281785, "validationErrorBefore": 0.010696937656090888, "validationErrorAfter": 0.007977209846957874},
          "coverage": {"warnBelow": 0.5} }
        """;
}
