using System.ComponentModel.DataAnnotations;

namespace Sentiment.Api.Configuration;

/// <summary>Where the model bundle is and how ONNX Runtime runs it (section <c>Model</c>).</summary>
public sealed class ModelOptions
{
    public const string Section = "Model";

    /// <summary>Bundle folder; a relative path resolves against the content root.</summary>
    [Required(AllowEmptyStrings = false)]
    public string Path { get; set; } = "models";

    /// <summary>Threads ONNX Runtime uses inside one run; 1 suits many small concurrent runs.</summary>
    [Range(1, 64)]
    public int IntraOpNumThreads { get; set; } = 1;

    /// <summary>
    /// How often the bundle folder is checked for changed files, which are then reloaded as by
    /// <c>POST /admin/reload</c>; unset, only that endpoint reloads.
    /// </summary>
    [Range(typeof(TimeSpan), "00:00:01", "1.00:00:00")]
    public TimeSpan? ReloadInterval { get; set; }

    /// <summary>
    /// The bundle folder. The content root is the working folder: /app in the container, the
    /// project folder under <c>dotnet run</c> (where appsettings.Development.json points at the
    /// repository's models/).
    /// </summary>
    public string ResolvePath(string contentRoot) => System.IO.Path.GetFullPath(Path, contentRoot);
}
