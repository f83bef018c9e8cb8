using Sentiment.TestKit;

namespace Sentiment.Api.Tests.Infrastructure;

/// <summary>
/// A models root as a user with two languages lays it out: the tiny bundle at the root (English,
/// the default) and a copy under <c>zh/</c> whose manifest says language zh, name tiny-zh.
/// </summary>
public sealed class TwoLanguageModels : IDisposable
{
    public const string ChineseName = "tiny-zh";
    public const string ChineseVersion = "1.0.0-zh";

    private readonly TinyBundleFiles _root = TinyBundleFiles.Copy();

    public TwoLanguageModels()
    {
        using var chinese = TinyBundleFiles.Copy();
        chinese.EditManifest(m =>
        {
            m["name"] = ChineseName;
            m["version"] = ChineseVersion;
            m["language"] = "zh";
        });
        chinese.CopyTo(ChineseFolder);
    }

    public string Root => _root.Path;

    public string ChineseFolder => Path.Combine(_root.Path, "zh");

    internal TinyBundleFiles RootBundle => _root;

    public void Dispose() => _root.Dispose();
}
