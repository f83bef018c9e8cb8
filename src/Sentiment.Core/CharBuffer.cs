using System.Buffers;

namespace Sentiment.Core;

/// <summary>
/// A growable char buffer rented from the shared pool. When asked to map sources, it also records
/// for every character which characters of the original text it came from (set with
/// <see cref="From"/>), so a word of the normalised text can be located in the text the user wrote.
/// Scoring does not map, and then <see cref="From"/> only stores two numbers.
/// </summary>
internal sealed class CharBuffer(int capacity, bool mapSources = false) : IDisposable
{
    private char[] _chars = ArrayPool<char>.Shared.Rent(Math.Max(16, capacity + capacity / 4));
    private (int Start, int End)[]? _sources = mapSources ? ArrayPool<(int, int)>.Shared.Rent(Math.Max(16, capacity + capacity / 4)) : null;
    private (int Start, int End) _from;
    private int _length;

    public ReadOnlySpan<char> Written => _chars.AsSpan(0, _length);

    public bool MapsSources => _sources is not null;

    /// <summary>Where in the original text the characters appended next come from: [start, end).</summary>
    public CharBuffer From(int start, int end)
    {
        _from = (start, end);
        return this;
    }

    /// <summary>The original characters behind the written character at <paramref name="index"/>.</summary>
    public (int Start, int End) SourceOf(int index) =>
        _sources is { } sources ? sources[index] : throw new InvalidOperationException("This buffer does not map sources.");

    public CharBuffer Append(char c)
    {
        Reserve(1);
        if (_sources is not null)
            _sources[_length] = _from;
        _chars[_length++] = c;
        return this;
    }

    public CharBuffer Append(scoped ReadOnlySpan<char> text)
    {
        Reserve(text.Length);
        if (_sources is not null)
            _sources.AsSpan(_length, text.Length).Fill(_from);
        text.CopyTo(_chars.AsSpan(_length));
        _length += text.Length;
        return this;
    }

    private void Reserve(int more)
    {
        if (_length + more <= Math.Min(_chars.Length, _sources?.Length ?? int.MaxValue))
            return;
        int size = Math.Max(_length * 2, _length + more);
        char[] larger = ArrayPool<char>.Shared.Rent(size);
        _chars.AsSpan(0, _length).CopyTo(larger);
        ArrayPool<char>.Shared.Return(_chars);
        _chars = larger;
        if (_sources is not null)
        {
            var sources = ArrayPool<(int, int)>.Shared.Rent(larger.Length);
            _sources.AsSpan(0, _length).CopyTo(sources);
            ArrayPool<(int, int)>.Shared.Return(_sources);
            _sources = sources;
        }
    }

    public void Dispose()
    {
        ArrayPool<char>.Shared.Return(_chars);
        _chars = [];
        if (_sources is not null)
            ArrayPool<(int, int)>.Shared.Return(_sources);
        _sources = null;
    }
}
