namespace Sentiment.Core;

/// <summary>A text turned into model input.</summary>
/// <param name="Ids">The kept word ids, at most <see cref="TokenizerSettings.MaxLength"/>; empty when no word is known.</param>
/// <param name="TotalTokens">Words in the text before the vocabulary was applied.</param>
/// <param name="KnownTokens">Words found in the vocabulary (before truncation).</param>
/// <param name="Truncated">True when ids were cut to fit <see cref="TokenizerSettings.MaxLength"/>.</param>
public readonly record struct EncodedText(int[] Ids, int TotalTokens, int KnownTokens, bool Truncated);
