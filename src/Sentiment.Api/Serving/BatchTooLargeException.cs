namespace Sentiment.Api.Serving;

/// <summary>
/// A request weighs more than the whole scoring queue holds, so it could never be admitted, however
/// long the client waits: answered 413 rather than a 503 "retry shortly".
/// </summary>
public sealed class BatchTooLargeException(string message) : Exception(message);
