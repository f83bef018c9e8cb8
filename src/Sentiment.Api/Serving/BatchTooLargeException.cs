namespace Sentiment.Api.Serving;

/// <summary>
/// A request weighs more than the whole scoring queue holds, so it could never be admitted, however
/// long the client waits: answered 413 rather than a 503 "retry shortly".
/// </summary>
public sealed class BatchTooLargeException(int texts, long words, int textCapacity, long wordCapacity) : Exception(
    $"These {texts} texts of {words} words can never fit the scoring queue, which holds at most {textCapacity} texts " +
    $"(Batching:QueueCapacity) and {wordCapacity} words (Batching:QueueWordCapacity); send fewer or shorter texts per request.");
