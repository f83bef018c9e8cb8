namespace Sentiment.Trainer.Data;

/// <summary>
/// The rows of one file whose text is empty or whitespace. No command scores them: train and
/// evaluate skip them, predict writes them without a prediction. Each command warns once per file.
/// </summary>
internal sealed class EmptyTextRows(string file)
{
    private const int LinesShown = 5;
    private readonly List<int> _lines = [];

    public int Count => _lines.Count;

    /// <summary>Counts <paramref name="line"/> when <paramref name="text"/> is empty; says whether it was.</summary>
    public bool Check(string text, int line)
    {
        if (!string.IsNullOrWhiteSpace(text))
            return false;
        _lines.Add(line);
        return true;
    }

    /// <summary>One warning, such as "skipped 2 row(s) with empty text (line 4, 9)", when there were any.</summary>
    public void Warn(Action<string> warn, string verb)
    {
        if (_lines.Count > 0)
            warn($"{file}: {verb} {_lines.Count} row(s) with empty text (line "
                + string.Join(", ", _lines.Take(LinesShown)) + (_lines.Count > LinesShown ? ", …)" : ")"));
    }
}
