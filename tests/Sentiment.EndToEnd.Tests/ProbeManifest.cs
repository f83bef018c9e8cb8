namespace Sentiment.EndToEnd.Tests;

/// <summary>Reads the HTTP probe paths out of a Deployment manifest (plain YAML block style, as committed).</summary>
internal static class ProbeManifest
{
    public static IReadOnlyList<(string Probe, string Path)> HttpProbes(IEnumerable<string> lines)
    {
        var probes = new List<(string, string)>();
        string? probe = null;
        var probeIndent = 0;
        foreach (var raw in lines)
        {
            var line = raw.TrimEnd();
            var text = line.TrimStart();
            if (text.Length == 0 || text.StartsWith('#')) continue;
            var indent = line.Length - text.Length;
            if (probe is not null && indent <= probeIndent) probe = null; // left the probe's block
            if (text.EndsWith("Probe:", StringComparison.Ordinal))
            {
                probe = text[..^1];
                probeIndent = indent;
            }
            else if (probe is not null && text.StartsWith("path:", StringComparison.Ordinal))
            {
                probes.Add((probe, text["path:".Length..].Trim().Trim('"', '\'')));
            }
        }
        return probes;
    }
}
