namespace Sentiment.Inference;

/// <summary>A model bundle cannot be used; the message names the file and the reason.</summary>
public sealed class ModelBundleException : Exception
{
    public ModelBundleException(string file, string reason, Exception? inner = null)
        : base($"{file}: {reason}", inner)
    {
        File = file;
        Reason = reason;
    }

    /// <summary>The file (or folder) at fault.</summary>
    public string File { get; }

    /// <summary>What is wrong with it.</summary>
    public string Reason { get; }
}
