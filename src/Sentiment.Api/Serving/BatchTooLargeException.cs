namespace Sentiment.Api.Serving;

/// <summary>
/// A request weighs more than the whole queue holds, so it could never be admitted, however long
/// the client waits: answered 413 rather than a 503 "retry shortly".
/// </summary>
internal sealed class BatchTooLargeException(int texts, long words, int textCapacity, long wordCapacity, QueueWeight weight) : Exception(
    $"These {texts} texts of {words} {weight.Unit} can never fit the {weight.Queue} queue, which holds at most {textCapacity} texts " +
    $"(Batching:QueueCapacity) and {wordCapacity} words (Batching:QueueWordCapacity); send fewer or shorter texts per request.");
