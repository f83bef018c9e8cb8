namespace Sentiment.Api.Serving;

/// <summary>Start-up stopped on purpose; the message names the file or setting and the reason.</summary>
public sealed class StartupRefusedException(string message, Exception inner) : Exception(message, inner);
