using System.Globalization;
using System.Text;

namespace Sentiment.Api.Serving;

/// <summary>
/// A bundle folder's files by name, size and write time: cheap to take every poll, and it changes
/// whenever a file is replaced, so polling does not re-hash 25 MB to learn that nothing changed.
/// </summary>
internal static class BundleFingerprint
{
    public static string Of(string directory)
    {
        var text = new StringBuilder();
        try
        {
            foreach (var file in new DirectoryInfo(directory).GetFiles().OrderBy(f => f.Name, StringComparer.Ordinal))
                text.Append(CultureInfo.InvariantCulture, $"{file.Name}:{file.Length}:{file.LastWriteTimeUtc.Ticks};");
        }
        catch (Exception e) when (e is IOException or UnauthorizedAccessException)
        {
            text.Append(e.GetType().Name); // a missing folder is a state too: its return is a change
        }
        return text.ToString();
    }
}
