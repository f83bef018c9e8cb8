namespace Sentiment.Api.Contracts;

/// <summary>What <c>POST /admin/reload</c> did to each bundle it reloaded.</summary>
/// <param name="Results">One entry per bundle, the default first.</param>
public sealed record ReloadResponse(IReadOnlyList<ReloadResult> Results);

/// <summary>One bundle's reload.</summary>
/// <param name="Model">The model's name.</param>
/// <param name="Result"><c>reloaded</c>: the folder's bundle passed every check and now answers; <c>refused</c>: it failed one, and the previous version keeps serving.</param>
/// <param name="Version">The version serving now.</param>
/// <param name="PreviousVersion">The version serving before.</param>
/// <param name="File">For a refusal, the file at fault.</param>
/// <param name="Reason">For a refusal, what is wrong with it.</param>
public sealed record ReloadResult(string Model, string Result, string? Version, string? PreviousVersion, string? File, string? Reason);
