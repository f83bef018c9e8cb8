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
    /// <summary>Starts scoring; null when a queue is full or the model is not ready.</summary>
    internal Task<SentimentResult[]>? TryAnswer(ISentimentModel model, ServedModel served, TextsRequest request)
    {
        var texts = request.Texts;
        var wanted = request.Options;
        SentenceSpan[][]? sentences = wanted.Sentences ? [.. texts.Select(splitter.Split)] : null;
        Task<Explanation[]>? explaining = null;
        if (wanted.Explain && (explaining = model.TryExplain(texts)) is null)
            return null;
        // Without explain, the whole texts are scored in the same queue run as their sentences.
        var queued = new List<string>(wanted.Explain ? 0 : texts.Count);
        if (!wanted.Explain)
            queued.AddRange(texts);
        for (int i = 0; sentences is not null && i < texts.Count; i++)
            queued.AddRange(sentences[i].Select(s => texts[i].Substring(s.Offset, s.Length)));
        var scoring = queued.Count > 0 ? model.TryScore(queued) : Task.FromResult(Array.Empty<Prediction>());
        if (scoring is null)
            return null;
        return AnswerAsync(served, request, sentences, explaining, scoring);
    }

    private async Task<SentimentResult[]> AnswerAsync(ServedModel served, TextsRequest request, SentenceSpan[][]? sentences,
        Task<Explanation[]>? explaining, Task<Prediction[]> scoring)
    {
        var texts = request.Texts;
        var explanations = explaining is null ? null : await explaining;
        var scored = await scoring;
        int next = explanations is null ? texts.Count : 0; // sentence predictions follow the texts' own, if any
        var results = new SentimentResult[texts.Count];
        for (int i = 0; i < results.Length; i++)
        {
            var prediction = explanations?[i].Prediction ?? scored[i];
            var offsets = new OffsetConverter(texts[i], request.Options.Unit);
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
        return results;
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
