namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// The customer's new words from a reply email, so that staff read what the customer wrote and not, again and again, the
/// history the client quoted under it, its reply header, « Envoyé de mon iPhone » or the signature. Too much is better
/// than nothing: when stripping would leave nothing, the whole text is kept.
/// </summary>
internal static class ReplyText
{
    /// <summary>
    /// From the text/plain body when there is one worth using, else from the HTML turned into text (HtmlText);
    /// quoted history, reply headers and signatures removed; trimmed; never null ("" when nothing at all).
    /// </summary>
    public static string NewText(string? plainText, string? html)
    {
        if (!string.IsNullOrWhiteSpace(plainText) && !LooksLikeHtml(plainText))
        {
            return Strip(plainText);
        }

        // Some clients put their HTML in the text/plain part; it is read as HTML then.
        var source = string.IsNullOrWhiteSpace(html) ? plainText : html;
        if (string.IsNullOrWhiteSpace(source))
        {
            return "";
        }

        var marked = Strip(HtmlText.Convert(source, HtmlQuotes.Mark));
        return marked.Length > 0 ? marked : Strip(HtmlText.Convert(source, HtmlQuotes.Keep));
    }

    /// <summary>The same on plain text alone.</summary>
    public static string Strip(string text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return "";
        }

        var lines = Normalize(text);
        var stripped = Tidy(OwnLines(lines));
        return stripped.Length > 0 ? stripped : Tidy(lines);
    }

    /// <summary>
    /// What the customer typed above the first marker, with the lines they typed between quoted ones (inline answers);
    /// the lines they typed under a quote (bottom-posting) only when there is nothing above it.
    /// </summary>
    private static List<string> OwnLines(List<string> lines)
    {
        var first = ReplyMarkers.Find(lines, 0, lines.Count);
        var own = Unquoted(lines, 0, first?.Start ?? lines.Count);
        if (first is not { } marker)
        {
            return own;
        }

        var header = marker.Kind == ReplyMarkerKind.ReplyHeader ? marker : HasText(own) ? null : NextReplyHeader(lines, marker.End + 1);
        if (header is not { } replyHeader)
        {
            return own;
        }

        var (answers, inline) = AnswersInQuote(lines, replyHeader);
        if (inline)
        {
            while (own.Count > 0 && ReplyMarkers.IsBlank(own[^1]))
            {
                own.RemoveAt(own.Count - 1);
            }

            own.Add("");
            own.AddRange(answers.SkipWhile(ReplyMarkers.IsBlank));
            return own;
        }

        return HasText(own) ? own : answers;
    }

    /// <summary>
    /// The unquoted lines inside and under the "&gt; " quote that directly follows a reply header, up to the next marker;
    /// inline when some of them sit between quoted lines.
    /// </summary>
    private static (List<string> Lines, bool Inline) AnswersInQuote(List<string> lines, ReplyMarker header)
    {
        var to = ReplyMarkers.Find(lines, header.End + 1, lines.Count)?.Start ?? lines.Count;
        var from = header.End + 1;
        while (from < to && ReplyMarkers.IsBlank(lines[from]))
        {
            from++;
        }

        if (from == to || !ReplyMarkers.IsQuoted(lines[from]))
        {
            return ([], false);
        }

        var lastQuoted = to - 1;
        while (!ReplyMarkers.IsQuoted(lines[lastQuoted]))
        {
            lastQuoted--;
        }

        var inline = false;
        for (var i = from; i < lastQuoted && !inline; i++)
        {
            inline = !ReplyMarkers.IsBlank(lines[i]) && !ReplyMarkers.IsQuoted(lines[i]);
        }

        return (Unquoted(lines, from, to), inline);
    }

    private static ReplyMarker? NextReplyHeader(List<string> lines, int from)
    {
        for (var marker = ReplyMarkers.Find(lines, from, lines.Count); marker is { } found;
             marker = ReplyMarkers.Find(lines, found.End + 1, lines.Count))
        {
            if (found.Kind == ReplyMarkerKind.ReplyHeader)
            {
                return found;
            }
        }

        return null;
    }

    /// <summary>
    /// The lines of [from, to) that are not quoted, less an introduction to a quote that no marker recognised (a header in
    /// another language: « Val Nevé &lt;x@y&gt; kirjoitti: »), known by its address and colon.
    /// </summary>
    private static List<string> Unquoted(List<string> lines, int from, int to)
    {
        var kept = new List<string>();
        for (var i = from; i < to; i++)
        {
            var line = lines[i];
            if (ReplyMarkers.IsQuoted(line) || (line.EndsWith(':') && line.Contains('@', StringComparison.Ordinal) && QuoteFollows(lines, i + 1, to)))
            {
                continue;
            }

            kept.Add(line);
        }

        return kept;
    }

    private static bool QuoteFollows(List<string> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (!ReplyMarkers.IsBlank(lines[i]))
            {
                return ReplyMarkers.IsQuoted(lines[i]);
            }
        }

        return false;
    }

    private static bool HasText(List<string> lines) => lines.Exists(line => !ReplyMarkers.IsBlank(line));

    private static bool LooksLikeHtml(string text)
    {
        var trimmed = text.AsSpan().TrimStart();
        return trimmed.StartsWith("<") && (trimmed.Contains("</", StringComparison.Ordinal) || trimmed.Contains("<br", StringComparison.OrdinalIgnoreCase));
    }

    /// <summary>LF lines without trailing spaces; no-break spaces as spaces; zero-width characters and soft hyphens gone.</summary>
    private static List<string> Normalize(string text)
    {
        var clean = text.Replace("\r\n", "\n", StringComparison.Ordinal).Replace('\r', '\n')
            .Replace('\u00A0', ' ').Replace('\u202F', ' ').Replace('\u2007', ' ')
            .Replace("\u200B", "", StringComparison.Ordinal).Replace("\uFEFF", "", StringComparison.Ordinal)
            .Replace("\u00AD", "", StringComparison.Ordinal);
        return [.. clean.Split('\n').Select(line => line.TrimEnd())];
    }

    /// <summary>Without blank lines around, at most two blank lines in a row, and no separator line left at the end.</summary>
    private static string Tidy(List<string> lines)
    {
        var kept = new List<string>(lines.Count);
        var blanks = 0;
        foreach (var line in lines)
        {
            blanks = ReplyMarkers.IsBlank(line) ? blanks + 1 : 0;
            if ((blanks == 0 || (kept.Count > 0 && blanks <= 2)))
            {
                kept.Add(blanks == 0 ? line : "");
            }
        }

        while (kept.Count > 0 && (ReplyMarkers.IsBlank(kept[^1]) || IsSeparator(kept[^1])))
        {
            kept.RemoveAt(kept.Count - 1);
        }

        return string.Join('\n', kept);
    }

    private static bool IsSeparator(string line)
    {
        var trimmed = line.Trim();
        return trimmed.Length >= 5 && trimmed.All(c => c is '_' or '-' or '=' or '*' or '~');
    }
}
