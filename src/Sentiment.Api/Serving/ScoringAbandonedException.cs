namespace Sentiment.Api.Serving;

/// <summary>The service stopped before these texts were scored: their requests are answered 503.</summary>
public sealed class ScoringAbandonedException() : Exception("The service is shutting down; these texts were not scored.");
