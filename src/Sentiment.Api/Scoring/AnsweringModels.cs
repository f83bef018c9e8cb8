using Sentiment.Api.Serving;

namespace Sentiment.Api.Scoring;

/// <summary>
/// The model versions that answered this request, for its headers and log line: a reload may swap
/// versions while it runs, and a batch may be answered by several models.
/// </summary>
public static class AnsweringModels
{
    private static readonly object Key = new();

    public static void Add(HttpContext http, ServedModel model)
    {
        if (http.Items.TryGetValue(Key, out var found) && found is List<ServedModel> models)
        {
            if (!models.Contains(model))
                models.Add(model);
        }
        else
            http.Items[Key] = new List<ServedModel> { model };
    }

    /// <summary>In the order they first answered; empty when no model scored anything.</summary>
    public static IReadOnlyList<ServedModel> Of(HttpContext http) =>
        http.Items.TryGetValue(Key, out var found) && found is List<ServedModel> models ? models : [];
}
