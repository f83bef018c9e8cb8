using Sentiment.Api.Serving;
using Sentiment.Inference;

namespace Sentiment.Api.Scoring;

/// <summary>The answer for one request item: a model's prediction, or why the item was not scored.</summary>
internal readonly record struct ItemAnswer(ServedModel? Model, Prediction? Prediction, string? ErrorCode = null, string? ErrorMessage = null);

/// <summary>Chooses each item's model (<see cref="ModelChoice"/>) and scores the items of each model together.</summary>
internal static class RoutedScoring
{
    /// <summary>One answer per item, in order; null when a model's queue is full.</summary>
    public static async Task<ItemAnswer[]?> ScoreAsync(HttpContext http, ISentimentModel model, IReadOnlyList<RequestItem> items)
    {
        var models = model.Models;
        var answers = new ItemAnswer[items.Count];
        var groups = new Dictionary<string, List<int>>(StringComparer.Ordinal);
        for (int i = 0; i < items.Count; i++)
        {
            var item = items[i];
            if (item.Problem is { } problem)
            {
                answers[i] = new ItemAnswer(null, null, problem.Code, problem.Message);
                continue;
            }
            var choice = ModelChoice.Choose(models, item.Model, item.Language, item.Text!);
            if (choice.Model is not { } chosen)
            {
                answers[i] = new ItemAnswer(null, null, choice.ErrorCode, choice.ErrorMessage);
                continue;
            }
            if (!groups.TryGetValue(chosen.Name, out var group))
                groups[chosen.Name] = group = [];
            group.Add(i);
        }

        var scorings = new List<(List<int> Items, Task<Scored> Scoring)>(groups.Count);
        foreach (var (name, group) in groups)
        {
            if (model.TryScore([.. group.Select(i => items[i].Text!)], name) is not { } scoring)
                return null; // what was queued for other models is scored and dropped; the client retries the whole request
            scorings.Add((group, scoring));
        }
        foreach (var (group, scoring) in scorings)
        {
            var scored = await scoring;
            AnsweringModels.Add(http, scored.Model);
            for (int k = 0; k < group.Count; k++)
                answers[group[k]] = new ItemAnswer(scored.Model, scored.Predictions[k]);
        }
        return answers;
    }
}
