using System.Text;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Writes text as a browser lays it out: runs of whitespace collapsed to one space (except in &lt;pre&gt;, and no-break
/// spaces, which hold a line open as in Outlook's empty paragraphs), blocks on
/// lines of their own, "&gt; " before each line of a quote, at most two blank lines in a row.
/// </summary>
internal sealed class PlainTextWriter
{
    private readonly StringBuilder _text = new();
    private int _trailingNewLines;
    private bool _atLineStart = true;
    private bool _pendingSpace;

    public int ListDepth { get; set; }

    public int QuoteDepth { get; set; }

    public int PreDepth { get; set; }

    public int Length => _text.Length;

    public string Since(int start) => _text.ToString(start, _text.Length - start);

    public void Text(string text)
    {
        foreach (var c in text)
        {
            if (c is '\u200B' or '\uFEFF' or '\u00AD')
            {
                continue;
            }

            if (PreDepth > 0 && c is '\n' or '\r')
            {
                if (c == '\n')
                {
                    LineBreak();
                }
            }
            else if (char.IsWhiteSpace(c) && c is not ('\u00A0' or '\u202F') && PreDepth == 0)
            {
                _pendingSpace = !_atLineStart;
            }
            else
            {
                Write(char.IsWhiteSpace(c) ? ' ' : c);
            }
        }
    }

    /// <summary>Text that is not the document's (a list bullet), written as is.</summary>
    public void Raw(string text)
    {
        foreach (var c in text)
        {
            Write(c);
        }

        _pendingSpace = false;
    }

    public void Space() => _pendingSpace = !_atLineStart;

    /// <summary>&lt;br&gt;: always one more line.</summary>
    public void LineBreak()
    {
        if (_trailingNewLines < 3)
        {
            _text.Append('\n');
            _trailingNewLines++;
        }

        _atLineStart = true;
        _pendingSpace = false;
    }

    /// <summary>A block's edge: the text that follows starts after at least <paramref name="count"/> line breaks.</summary>
    public void EnsureLines(int count)
    {
        if (count == 0 || _text.Length == 0)
        {
            return;
        }

        while (_trailingNewLines < count)
        {
            LineBreak();
        }
    }

    /// <summary>The text, lines trimmed at the end, without blank lines around it.</summary>
    public override string ToString()
    {
        var lines = _text.ToString().Split('\n').Select(line => line.TrimEnd());
        return string.Join('\n', lines).Trim('\n', ' ');
    }

    private void Write(char c)
    {
        if (_atLineStart)
        {
            for (var i = 0; i < QuoteDepth; i++)
            {
                _text.Append("> ");
            }
        }
        else if (_pendingSpace && _text[^1] != ' ')
        {
            _text.Append(' ');
        }

        _text.Append(c);
        _atLineStart = false;
        _pendingSpace = false;
        _trailingNewLines = 0;
    }
}
