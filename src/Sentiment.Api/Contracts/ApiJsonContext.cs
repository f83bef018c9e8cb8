using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentiment.Api.Contracts;

/// <summary>
/// Compile-time JSON metadata for the responses: no reflection on the hot path. Requests are read
/// by the scoring parser, not the serializer. Null-skipping is set on the app's options, because a
/// chained context's own options are not used.
/// </summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web)]
[JsonSerializable(typeof(SentimentResponse))]
[JsonSerializable(typeof(BatchSentimentResponse))]
[JsonSerializable(typeof(ModelResponse))]
[JsonSerializable(typeof(ModelsResponse))]
[JsonSerializable(typeof(ReloadResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
