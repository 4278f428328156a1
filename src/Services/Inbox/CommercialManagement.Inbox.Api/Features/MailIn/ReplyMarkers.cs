using System.Text.RegularExpressions;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>What kind of line ends the customer's own words.</summary>
internal enum ReplyMarkerKind
{
    /// <summary>« Le … a écrit : », "On … wrote:": the "&gt; " quoted history usually follows, answers may sit inside it.</summary>
    ReplyHeader,

    /// <summary>A separator or header block after which everything is history, unquoted (Outlook, Zimbra, Android).</summary>
    History,

    /// <summary>"-- " or a mobile signature: only the sender's signature (and perhaps history) follows.</summary>
    Signature,
}

/// <summary>A marker found at <see cref="Start"/>; a reply header wrapped by the client spans to <see cref="End"/>.</summary>
internal readonly record struct ReplyMarker(int Start, int End, ReplyMarkerKind Kind);

/// <summary>
/// Recognises, on plain-text lines, where the usual clients (fr and en first, a few other languages on the way) put their
/// reply headers, separators and signatures. A line must have the whole shape of a marker, never a word of one, so that
/// the customer's own sentences (« Le chalet a écrit son nom… ») are never taken for one.
/// </summary>
internal static partial class ReplyMarkers
{
    /// <summary>Markers are short; longer lines are not even tried, which bounds the regex work on huge bodies.</summary>
    private const int MaxMarkerLine = 300;

    /// <summary>Gmail wraps its reply header over two lines, sometimes three (« … a » / « écrit : »).</summary>
    private const int MaxHeaderLines = 3;

    public static bool IsQuoted(string line) => line.AsSpan().TrimStart(' ').StartsWith(">");

    public static bool IsBlank(string line) => string.IsNullOrWhiteSpace(line);

    /// <summary>The first marker on an unquoted line in [from, to), or null.</summary>
    public static ReplyMarker? Find(IReadOnlyList<string> lines, int from, int to)
    {
        for (var i = from; i < to; i++)
        {
            if (At(lines, i) is { } marker)
            {
                return marker;
            }
        }

        return null;
    }

    /// <summary>The marker that starts on line <paramref name="i"/>, or null.</summary>
    public static ReplyMarker? At(IReadOnlyList<string> lines, int i)
    {
        var line = lines[i].Trim();
        if (line.Length == 0 || line.Length > MaxMarkerLine || IsQuoted(line))
        {
            return null;
        }

        if (line == "--")
        {
            return new ReplyMarker(i, i, ReplyMarkerKind.Signature);
        }

        if (OriginalMessage().IsMatch(line) || OrangeMessageOf().IsMatch(line) || IsHeaderBlock(lines, i))
        {
            return new ReplyMarker(i, i, ReplyMarkerKind.History);
        }

        if (IsMobileSignature(lines, i, line))
        {
            return new ReplyMarker(i, i, ReplyMarkerKind.Signature);
        }

        return ReplyHeaderStartingAt(lines, i);
    }

    /// <summary>True when the text (a line, or an HTML block's text) is a whole reply header, as a client writes it.</summary>
    public static bool IsReplyHeader(string text)
    {
        var line = Collapse(text);
        return line.Length <= MaxMarkerLine * MaxHeaderLines && HeaderEnd().IsMatch(line)
            && ((HeaderStart().IsMatch(line) && DateIsh().IsMatch(line)) || OldGmailHeader().IsMatch(line));
    }

    /// <summary>True when the text opens with « De : » / "From:", as a header block does.</summary>
    public static bool StartsWithFromLabel(string text)
    {
        var start = text.TrimStart();
        return FromLabel().IsMatch(Collapse(start[..Math.Min(start.Length, 200)]));
    }

    private static ReplyMarker? ReplyHeaderStartingAt(IReadOnlyList<string> lines, int start)
    {
        var joined = "";
        for (var end = start; end < lines.Count && end < start + MaxHeaderLines; end++)
        {
            var line = lines[end].Trim();
            if (line.Length == 0 || line.Length > MaxMarkerLine || (end > start && IsQuoted(line)))
            {
                return null;
            }

            joined = end == start ? line : joined + " " + line;
            if (!HeaderEnd().IsMatch(joined))
            {
                continue;
            }

            // A later line that starts a header itself is the real start (the customer's line just above it is not).
            if (end > start && Enumerable.Range(start + 1, end - start).Any(k => HeaderStart().IsMatch(lines[k].Trim())))
            {
                return null;
            }

            var dated = HeaderStart().IsMatch(joined) && DateIsh().IsMatch(joined);
            // Clients that write no date (K-9: « Val Nevé <x@y> a écrit : ») are believed only with an address and a quote.
            var addressed = joined.Contains('@', StringComparison.Ordinal) && NextNonBlankIsQuoted(lines, end + 1);
            return dated || addressed || OldGmailHeader().IsMatch(joined)
                ? new ReplyMarker(start, end, ReplyMarkerKind.ReplyHeader)
                : null;
        }

        return null;
    }

    /// <summary>« De : … » followed closely by at least two more of « Envoyé : », « À : », « Objet : »… (Outlook, webmails).</summary>
    private static bool IsHeaderBlock(IReadOnlyList<string> lines, int i)
    {
        if (!FromLabel().IsMatch(lines[i].Trim()))
        {
            return false;
        }

        var others = 0;
        for (var k = i + 1; k < lines.Count && k <= i + 6 && others < 2; k++)
        {
            if (OtherLabel().IsMatch(lines[k].Trim()))
            {
                others++;
            }
        }

        return others >= 2;
    }

    private static bool IsMobileSignature(IReadOnlyList<string> lines, int i, string line)
    {
        if (OutlookApp().IsMatch(line))
        {
            return true;
        }

        if (!SentFrom().IsMatch(line))
        {
            return false;
        }

        // « Envoyé de mon iPhone » is one; « Envoyé de mon bureau hier soir » only when nothing of the customer's follows.
        if (KnownDevice().IsMatch(line))
        {
            return true;
        }

        for (var k = i + 1; k < lines.Count; k++)
        {
            if (!IsBlank(lines[k]) && !IsQuoted(lines[k]))
            {
                return IsHistoryOrHeader(lines, k);
            }
        }

        return true;
    }

    /// <summary>A marker other than a mobile signature (which would make the look-ahead above recursive).</summary>
    private static bool IsHistoryOrHeader(IReadOnlyList<string> lines, int k)
    {
        var line = lines[k].Trim();
        return line.Length <= MaxMarkerLine && (line == "--" || OriginalMessage().IsMatch(line) || OrangeMessageOf().IsMatch(line)
            || IsHeaderBlock(lines, k) || ReplyHeaderStartingAt(lines, k) is not null);
    }

    private static bool NextNonBlankIsQuoted(IReadOnlyList<string> lines, int from)
    {
        for (var k = from; k < lines.Count; k++)
        {
            if (!IsBlank(lines[k]))
            {
                return IsQuoted(lines[k]);
            }
        }

        return false;
    }

    private static string Collapse(string text) => Whitespace().Replace(text.Replace('\u00A0', ' '), " ").Trim();

    [GeneratedRegex(@"^(Le|On|Am|El)\s", RegexOptions.CultureInvariant)]
    private static partial Regex HeaderStart();

    [GeneratedRegex(@"(\ba\s+écrit|\bwrote|\bschrieb|\bescribió)\s*:$", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex HeaderEnd();

    /// <summary>A time (10:12, 10h12), a numeric date or a year: what a header has and a sentence rarely does.</summary>
    [GeneratedRegex(@"\b\d{1,2}[:h]\d{2}\b|\b\d{1,2}[/.\-]\d{1,2}[/.\-]\d{2,4}\b|\b(19|20)\d{2}\b", RegexOptions.CultureInvariant)]
    private static partial Regex DateIsh();

    /// <summary>Gmail before 2016: "2015-03-12 10:12 GMT+01:00 Val Nevé &lt;x@y&gt;:".</summary>
    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2} \d{1,2}:\d{2} GMT[+-]\d{2}:\d{2} .*:$", RegexOptions.CultureInvariant)]
    private static partial Regex OldGmailHeader();

    [GeneratedRegex(
        @"^-{2,}\s*(Message d['’]origine|Message original|Original Message|Mail original|Ursprüngliche Nachricht|Mensaje original|Messaggio originale)\s*-{2,}$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OriginalMessage();

    /// <summary>Orange's webmail: « Message du 03/12/26 10:12 » above its « De : / A : / Objet : ».</summary>
    [GeneratedRegex(@"^Message du \d{1,2}/\d{1,2}/\d{2,4} \d{1,2}:\d{2}$", RegexOptions.CultureInvariant)]
    private static partial Regex OrangeMessageOf();

    [GeneratedRegex(@"^\*?(De|From|Von|Da)\s*\*?\s*:\s*\*?\s*\S", RegexOptions.CultureInvariant)]
    private static partial Regex FromLabel();

    [GeneratedRegex(
        @"^\*?(Envoyé|Envoyé le|Sent|Date|À|A|To|Objet|Subject|Cc|Cci|Copie à|Répondre à|Reply-To|Gesendet|An|Betreff|Enviado|Para|Asunto)\s*\*?\s*:",
        RegexOptions.CultureInvariant)]
    private static partial Regex OtherLabel();

    [GeneratedRegex(@"^(Télécharger|Obtenir|Get|Download)\s+Outlook\s+(pour|for)\s+(iOS|Android)\b", RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex OutlookApp();

    /// <summary>"Sent from …", « Envoyé de/depuis … »: a short line without a sentence's punctuation, perhaps a link after it.</summary>
    [GeneratedRegex(
        @"^(Envoyé|Envoyée|Sent)\s+(de|depuis|à partir de|from|with|via|using)\s+[^.!?;:,()<>]{1,60}\.?(\s*[(<]\S+[)>])?$",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex SentFrom();

    [GeneratedRegex(
        @"\b(iPhone|iPad|iPod|Galaxy|Samsung|Android|BlackBerry|Huawei|Xiaomi|Yahoo|Outlook|Mail|Courrier|Gmail|AOL|Windows|Proton|ProtonMail|smartphone|mobile)\b",
        RegexOptions.CultureInvariant | RegexOptions.IgnoreCase)]
    private static partial Regex KnownDevice();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();
}
