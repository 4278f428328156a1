using System.Text;
using System.Text.RegularExpressions;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Keeps what the HTML parser is given within what it parses quickly. Its tree building is quadratic in the nesting
/// depth (50 000 unclosed divs take seconds), and a dense megabyte takes up to half a second on our machines: inline
/// images are emptied, the HTML is cut after its first half megabyte (the customer's new words come first, the history
/// after), and tags nested deeper than <see cref="MaxDepth"/> are dropped (their text stays).
/// </summary>
internal static partial class HtmlBounds
{
    public const int MaxChars = 500_000;

    /// <summary>Far deeper than a long Outlook thread (a few levels per message), far below what is slow.</summary>
    public const int MaxDepth = 400;

    private static readonly HashSet<string> Uncounted = new(StringComparer.OrdinalIgnoreCase)
    {
        // void elements
        "area", "base", "br", "col", "embed", "hr", "img", "input", "link", "meta", "param", "source", "track", "wbr",
        // closed implicitly by the parser, so they never pile up
        "p", "li", "dt", "dd", "td", "th", "tr", "tbody", "thead", "tfoot", "option", "optgroup", "colgroup", "caption",
    };

    private static readonly HashSet<string> RawText = new(StringComparer.OrdinalIgnoreCase) { "script", "style", "textarea", "title", "xmp" };

    public static string Bound(string html, HtmlQuotes quotes)
    {
        if (html.Length > MaxChars / 4)
        {
            html = InlineImage().Replace(html, "src=\"\"");
        }

        // Outlook, Zimbra and Yahoo put their history after a marked element and nest nothing of the reply in it: the
        // parser need not even see it (HtmlQuoteCutter would remove it all).
        if (quotes != HtmlQuotes.Keep && HistoryMark().Match(html) is { Success: true } mark)
        {
            html = html[..mark.Index];
        }

        if (html.Length > MaxChars)
        {
            html = html[..(char.IsHighSurrogate(html[MaxChars - 1]) ? MaxChars - 1 : MaxChars)];
        }

        return Flatten(html);
    }

    /// <summary>The HTML without the start and end tags nested deeper than <see cref="MaxDepth"/>, by a light scan.</summary>
    private static string Flatten(string html)
    {
        var uncounted = Uncounted.GetAlternateLookup<ReadOnlySpan<char>>();
        var rawText = RawText.GetAlternateLookup<ReadOnlySpan<char>>();
        StringBuilder? flat = null;
        var copied = 0;
        var depth = 0;
        for (var at = html.IndexOf('<', StringComparison.Ordinal); at >= 0 && at < html.Length - 1; at = html.IndexOf('<', at + 1))
        {
            var isEnd = html[at + 1] == '/';
            var nameStart = isEnd ? at + 2 : at + 1;
            if (nameStart >= html.Length || !char.IsAsciiLetter(html[nameStart]))
            {
                continue;
            }

            var nameEnd = nameStart;
            while (nameEnd < html.Length && (char.IsAsciiLetterOrDigit(html[nameEnd]) || html[nameEnd] is ':' or '-'))
            {
                nameEnd++;
            }

            var close = html.IndexOf('>', nameEnd);
            if (close < 0)
            {
                break;
            }

            var name = html.AsSpan(nameStart, nameEnd - nameStart);
            var counted = !uncounted.Contains(name) && html[close - 1] != '/';
            var drop = false;
            if (isEnd && counted)
            {
                drop = depth > MaxDepth;
                depth = Math.Max(0, depth - 1);
            }
            else if (counted)
            {
                depth++;
                drop = depth > MaxDepth;
            }

            if (drop)
            {
                flat ??= new StringBuilder(html.Length);
                flat.Append(html, copied, at - copied);
                copied = close + 1;
            }

            at = close;
            if (!isEnd && rawText.Contains(name))
            {
                var end = html.IndexOf("</" + name.ToString(), close, StringComparison.OrdinalIgnoreCase);
                at = end < 0 ? html.Length : end - 1;
            }
        }

        return flat is null ? html : flat.Append(html, copied, html.Length - copied).ToString();
    }

    [GeneratedRegex(
        """<[a-z]+\s[^>]*\b(id\s*=\s*["']?(x_)?(appendonsend|divRplyFwdMsg|zwchr)\b|class\s*=\s*["']?([^"'>]*\s)?yahoo_quoted\b)""",
        RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex HistoryMark();

    [GeneratedRegex("""src\s*=\s*"data:[^"]*"|src\s*=\s*'data:[^']*'""", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex InlineImage();
}
