namespace Sentiment.Trainer;

/// <summary>A problem the user can fix (bad option, unwritable folder); its message is the whole story.</summary>
internal sealed class TrainerException(string message, Exception? inner = null) : Exception(message, inner);
