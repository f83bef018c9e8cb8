namespace Sentiment.Api.OpenApi;

/// <summary>An example body, shown and sent by the Swagger UI.</summary>
public sealed record NamedExample(string Name, string Json);

/// <summary>What a response status means for one endpoint, with example bodies.</summary>
public sealed record ResponseDoc(int Status, string Description, params NamedExample[] Examples);

/// <summary>Request and response examples of one endpoint.</summary>
public sealed record EndpointExamples(IReadOnlyList<NamedExample> Request, IReadOnlyList<ResponseDoc> Responses);
