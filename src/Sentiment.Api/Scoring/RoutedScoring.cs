using Sentiment.Api.Contracts;
using Sentiment.Api.Serving;

namespace Sentiment.Api.Scoring;

/// <summary>The answer for one request item: a model's result, or why the item was not scored.</summary>
internal readonly record struct ItemAnswer(ServedModel? Model, SentimentResult? Result, string? ErrorCode = null, string? ErrorMessage = null);

/// <summary>
/// Chooses each item's model (<see cref="ModelChoice"/>) and scores the items of each model together;
/// with <c>explain</c> or <c>sentences</c>, through <see cref="ExtendedAnswers"/>.
/// </summary>
internal static class RoutedScoring
{
    /// <summary>One answer per item, in order; null when a model's queue is full.</summary>
    public static async Task<ItemAnswer[]?> ScoreAsync(
        HttpContext http, ISentimentModel model, ExtendedAnswers extended, ParsedRequest request)
    {
        var items = request.Items;
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

        // With several models, a refusal or failure for one withdraws what was queued for the others.
        using var withdraw = groups.Count > 1 ? CancellationTokenSource.CreateLinkedTokenSource(http.RequestAborted) : null;
        if (Queue(model, extended, request, groups, withdraw?.Token ?? http.RequestAborted) is not { } scorings)
        {
            withdraw?.Cancel();
            return null; // the client retries the whole request
        }
        try
        {
            // A refusal known at once (a group that can never fit) fails the request before the other groups are scored.
            if (scorings.Select(s => s.Plain ?? (Task)s.Extended!).FirstOrDefault(t => t.IsFaulted) is { } refused)
                await refused;
            foreach (var (group, plain, extendedAnswer) in scorings)
            {
                if (plain is not null)
                {
                    var scored = await plain;
                    AnsweringModels.Add(http, scored.Model);
                    for (int k = 0; k < group.Count; k++)
                        answers[group[k]] = new ItemAnswer(scored.Model, ResponseMapping.ToResult(scored.Model, scored.Predictions[k]));
                    continue;
                }
                var answered = await extendedAnswer!;
                AnsweringModels.Add(http, answered.Model);
                for (int k = 0; k < group.Count; k++)
                    answers[group[k]] = new ItemAnswer(answered.Model, answered.Results[k]);
            }
        }
        catch when (withdraw is not null)
        {
            withdraw.Cancel();
            throw;
        }
        return answers;
    }

    /// <summary>Queues each model's texts; null when a queue is full.</summary>
    private static List<(List<int> Items, Task<Scored>? Plain, Task<Answered>? Extended)>? Queue(ISentimentModel model,
        ExtendedAnswers extended, ParsedRequest request, Dictionary<string, List<int>> groups, CancellationToken aborted)
    {
        // The plain answer (flags off) stays the fast path: one scoring queue run, no splitting, no source map.
        var scorings = new List<(List<int> Items, Task<Scored>? Plain, Task<Answered>? Extended)>(groups.Count);
        foreach (var (name, group) in groups)
        {
            List<string> texts = [.. group.Select(i => request.Items[i].Text!)];
            if (!request.Options.Extended)
            {
                if (model.TryScore(texts, name, aborted) is not { } scoring)
                    return null;
                scorings.Add((group, scoring, null));
            }
            else if (extended.TryAnswer(model, name, texts, request.Options, aborted) is { } answering)
                scorings.Add((group, null, answering));
            else
                return null;
        }
        return scorings;
    }
}
