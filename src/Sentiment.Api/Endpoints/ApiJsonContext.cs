using System.Text.Json;
using System.Text.Json.Serialization;

namespace Sentiment.Api.Endpoints;

/// <summary>Compile-time JSON metadata for the wire types: no reflection on the hot path.</summary>
[JsonSourceGenerationOptions(JsonSerializerDefaults.Web, DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull)]
[JsonSerializable(typeof(SentimentRequest))]
[JsonSerializable(typeof(BatchSentimentRequest))]
[JsonSerializable(typeof(SentimentResponse))]
[JsonSerializable(typeof(BatchSentimentResponse))]
[JsonSerializable(typeof(ModelResponse))]
internal sealed partial class ApiJsonContext : JsonSerializerContext;
