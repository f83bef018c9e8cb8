using Microsoft.Extensions.Options;
using Sentiment.Api.Configuration;
using Sentiment.Api.Contracts;
using Sentiment.Api.Explaining;
using Sentiment.Api.Serving;
using Sentiment.Inference;

namespace Sentiment.Api.Scoring;

/// <summary>
/// Answers with <c>explain</c> and/or <c>sentences</c>: the texts go to the explanation queue (each with
/// its leave-one-word-out variants in one run), their sentences to the scoring queue as texts of their own.
/// </summary>
public sealed class ExtendedAnswers(SentenceSplitter splitter, IOptions<SentenceOptions> options)
{
    /// <summary>
    /// Starts answering <paramref name="texts"/> with the model named <paramref name="name"/>; null when a queue is full or
    /// the model is not ready. <paramref name="aborted"/> withdraws whatever is still queued, in both queues.
    /// </summary>
    internal Task<Answered>? TryAnswer(ISentimentModel model, string? name, IReadOnlyList<string> texts, AnswerOptions wanted,
        CancellationToken aborted = default)
    {
        SentenceSpan[][]? sentences = wanted.Sentences ? [.. texts.Select(splitter.Split)] : null;
        var sentenceTexts = new List<string>();
        for (int i = 0; sentences is not null && i < texts.Count; i++)
            sentenceTexts.AddRange(sentences[i].Select(s => texts[i].Substring(s.Offset, s.Length)));
        if (wanted.Explain)
            return model.TryExplain(texts, sentenceTexts, name, aborted) is { } explaining ? ExplainedAsync(explaining, texts, wanted, sentences) : null;
        // Without explain, the whole texts are scored in the same queue run as their sentences.
        return model.TryScore([.. texts, .. sentenceTexts], name, aborted) is { } scoring ? ScoredAsync(scoring, texts, wanted, sentences) : null;
    }

    private async Task<Answered> ExplainedAsync(Task<Explained> explaining, IReadOnlyList<string> texts, AnswerOptions wanted,
        SentenceSpan[][]? sentences)
    {
        var explained = await explaining;
        return Answer(explained.Model, texts, wanted, sentences, explained.Explanations, explained.Predictions);
    }

    private async Task<Answered> ScoredAsync(Task<Scored> scoring, IReadOnlyList<string> texts, AnswerOptions wanted,
        SentenceSpan[][]? sentences)
    {
        var scored = await scoring;
        return Answer(scored.Model, texts, wanted, sentences, null, scored.Predictions);
    }

    /// <summary>Without explanations, <paramref name="scored"/> holds the texts' own predictions first, then their sentences'.</summary>
    private Answered Answer(ServedModel served, IReadOnlyList<string> texts, AnswerOptions wanted, SentenceSpan[][]? sentences,
        Explanation[]? explanations, Prediction[] scored)
    {
        int next = explanations is null ? texts.Count : 0; // sentence predictions follow the texts' own, if any
        var results = new SentimentResult[texts.Count];
        for (int i = 0; i < results.Length; i++)
        {
            var prediction = explanations?[i].Prediction ?? scored[i];
            var offsets = new OffsetConverter(texts[i], wanted.Unit);
            var result = ResponseMapping.ToResult(served, prediction);
            if (explanations is not null)
                result = result with { Words = Words(served, explanations[i], offsets) };
            if (sentences is not null)
            {
                var own = new ArraySegment<Prediction>(scored, next, sentences[i].Length);
                next += own.Count;
                result = WithSentences(served, result, texts[i], sentences[i], own, offsets);
            }
            results[i] = result;
        }
        return new Answered(served, results);
    }

    private static WordContribution[] Words(ServedModel served, Explanation explanation, OffsetConverter offsets)
    {
        var prediction = explanation.Prediction;
        float? fullScore = served.Score(prediction.Probabilities);
        var words = new WordContribution[explanation.Words.Words.Count];
        for (int k = 0; k < words.Length; k++)
        {
            var word = explanation.Words.Words[k];
            var (offset, length) = offsets.Convert(word.Word.Offset, word.Word.Length);
            float? scoreContribution = explanation.Without[k] is { } without ? fullScore - served.Score(without) : fullScore is null ? null : 0f;
            words[k] = new WordContribution(word.Word.Text, offset, length, word.Known,
                explanation.Contribution(k, prediction.LabelIndex), scoreContribution, explanation.Words.IsCutOff(word));
        }
        return words;
    }

    private SentimentResult WithSentences(ServedModel served, SentimentResult result, string text, SentenceSpan[] spans,
        ArraySegment<Prediction> predictions, OffsetConverter offsets)
    {
        var sentences = new SentenceResult[spans.Length];
        for (int s = 0; s < spans.Length; s++)
        {
            var sentence = ResponseMapping.ToResult(served, predictions[s]);
            var (offset, length) = offsets.Convert(spans[s].Offset, spans[s].Length);
            sentences[s] = new SentenceResult(text.Substring(spans[s].Offset, spans[s].Length), offset, length,
                sentence.Label, sentence.Confidence, sentence.Probabilities);
        }
        bool mixed = result.Label != Prediction.UnknownLabel
            && MixedRule.IsMixed(predictions, served.PositiveIndex, served.NegativeIndex, options.Value.MixedConfidence);
        return result with { Label = mixed ? MixedRule.MixedLabel : result.Label, Sentences = sentences };
    }
}

/// <summary>The answers for a request's texts, and the model version that gave them.</summary>
internal sealed record Answered(ServedModel Model, SentimentResult[] Results);
