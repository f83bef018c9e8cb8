namespace Sentiment.Core;

/// <summary>A data file that cannot be used; the message names the file and, where it applies, the line.</summary>
public sealed class DataFileException : Exception
{
    /// <summary>Creates the exception; <paramref name="line"/> is the 1-based physical line, or null for the whole file.</summary>
    public DataFileException(string file, int? line, string problem, Exception? inner = null)
        : base(line is null ? $"{file}: {problem}" : $"{file}:{line}: {problem}", inner)
    {
        File = file;
        Line = line;
        Problem = problem;
    }

    /// <summary>The file as the user named it.</summary>
    public string File { get; }

    /// <summary>The 1-based physical line, or null when the problem is the whole file.</summary>
    public int? Line { get; }

    /// <summary>What is wrong, without the file and line.</summary>
    public string Problem { get; }
}
