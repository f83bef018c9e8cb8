namespace Sentiment.Baseline;

/// <summary>Command-line settings of one baseline run: one training set, any number of evaluation files.</summary>
sealed record BaselineOptions(
    IReadOnlyList<string> Train,
    IReadOnlyList<string> Test,
    string? Name,
    bool DropNeutral,
    int Seed,
    int Threads,
    bool Header)
{
    public const string Usage = """
        Usage: sentiment-baseline --train FILE [--train FILE ...] --test FILE [--test FILE ...]
                                  [--name TEXT] [--drop-neutral] [--seed 42] [--threads 1] [--no-header]

        Trains ML.NET's FeaturizeText + SdcaLogisticRegression on the training files (concatenated)
        and prints accuracy and macro-F1 for each --test file (a dev split may be passed as --test too)
        as a markdown table. CSVs need a header with 'text' and 'label'; labels are negative/positive.
          --drop-neutral  skip rows labelled 'neutral' in every file (binary part of a 3-class set)
          --name          what the 'trained on' column shows (default: the training files)
          --threads       SDCA threads; 1 makes runs repeat exactly
          --no-header     print table rows only, to append to an existing table
        """;

    /// <summary>Parses the arguments; returns null with a message when they are unusable.</summary>
    public static BaselineOptions? Parse(string[] args, out string? error)
    {
        var train = new List<string>();
        var test = new List<string>();
        string? name = null;
        bool dropNeutral = false, header = true;
        int seed = 42, threads = 1;
        error = null;
        for (int i = 0; i < args.Length; i++)
        {
            string arg = args[i];
            switch (arg)
            {
                case "--drop-neutral": dropNeutral = true; continue;
                case "--no-header": header = false; continue;
                case "-h" or "--help": error = ""; return null;
            }
            if (i + 1 >= args.Length) { error = $"missing value after {arg}"; return null; }
            string value = args[++i];
            switch (arg)
            {
                case "--train": train.Add(value); break;
                case "--test": test.Add(value); break;
                case "--name": name = value; break;
                case "--seed" when int.TryParse(value, out int s): seed = s; break;
                case "--threads" when int.TryParse(value, out int t) && t > 0: threads = t; break;
                case "--seed" or "--threads": error = $"{arg} needs a positive integer, got '{value}'"; return null;
                default: error = $"unknown option {arg}"; return null;
            }
        }
        if (train.Count == 0 || test.Count == 0) { error = "at least one --train and one --test file are required"; return null; }
        return new BaselineOptions(train, test, name, dropNeutral, seed, threads, header);
    }
}
