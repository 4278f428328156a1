using System.Net;
using System.Text.RegularExpressions;
using AngleSharp.Dom;
using AngleSharp.Html.Parser;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>What becomes of the quoted history when HTML is turned into text.</summary>
internal enum HtmlQuotes
{
    /// <summary>Removed, with the usual clients' signatures (the public default).</summary>
    Drop,

    /// <summary>Kept; quote blockquotes written as "&gt; " lines, as a plain-text client would.</summary>
    Keep,

    /// <summary>
    /// For <see cref="ReplyText"/>: signatures and unquoted history (Outlook, Zimbra, Yahoo) removed, blockquotes kept as
    /// "&gt; " lines with their reply header, so that inline and bottom answers are found as in plain text.
    /// </summary>
    Mark,
}

/// <summary>
/// HTML turned into plain text that is safe to show (it is shown HTML-encoded anyway): no script, style, head, comments;
/// block elements and &lt;br&gt; make line breaks; list items "- "; a link whose text differs from its href shows
/// "text (href)" only for http(s)/mailto hrefs; entities decoded; whitespace collapsed; at most 2 blank lines.
/// </summary>
internal static partial class HtmlText
{
    /// <param name="html">Any HTML, however big or broken: this never throws.</param>
    /// <param name="dropQuotes">Remove the quoted history of the usual clients before converting.</param>
    public static string ToText(string html, bool dropQuotes = true) => Convert(html, dropQuotes ? HtmlQuotes.Drop : HtmlQuotes.Keep);

    internal static string Convert(string html, HtmlQuotes quotes)
    {
        if (string.IsNullOrWhiteSpace(html))
        {
            return "";
        }

        try
        {
            var document = new HtmlParser().ParseDocument(HtmlBounds.Bound(html, quotes));
            if (document.Body is not { } body)
            {
                return "";
            }

            HtmlQuoteCutter.Apply(body, quotes);
            var writer = new PlainTextWriter();
            Walk(body, writer, quotes);
            return writer.ToString();
        }
        catch (Exception exception) when (exception is not OutOfMemoryException)
        {
            // A parser bug must not lose a customer's message: the tags crudely removed are still their words.
            return WebUtility.HtmlDecode(AnyTag().Replace(html, " ")).Trim();
        }
    }

    /// <summary>Depth-first, with a stack of its own: a document nested 10 000 deep must not overflow ours.</summary>
    private static void Walk(IElement root, PlainTextWriter writer, HtmlQuotes quotes)
    {
        var stack = new Stack<(INode Node, bool Leaving, int LinkStart)>();
        stack.Push((root, false, 0));
        while (stack.Count > 0)
        {
            var (node, leaving, linkStart) = stack.Pop();
            if (node is IText text)
            {
                writer.Text(text.Data);
                continue;
            }

            if (node is not IElement element)
            {
                continue; // comments, processing instructions
            }

            var name = element.LocalName;
            if (leaving)
            {
                Leave(element, name, writer, linkStart);
                continue;
            }

            if (IsSkipped(element, name))
            {
                continue;
            }

            var start = Enter(element, name, writer, quotes);
            stack.Push((element, true, start));
            for (var i = element.ChildNodes.Length - 1; i >= 0; i--)
            {
                stack.Push((element.ChildNodes[i], false, 0));
            }
        }
    }

    /// <returns>Where a link's text starts in the output, to compare it with its href on leaving.</returns>
    private static int Enter(IElement element, string name, PlainTextWriter writer, HtmlQuotes quotes)
    {
        switch (name)
        {
            case "br":
                writer.LineBreak();
                break;
            case "li":
                writer.EnsureLines(1);
                writer.Raw(new string(' ', 2 * Math.Max(0, writer.ListDepth - 1)) + "- ");
                break;
            case "ul" or "ol":
                writer.EnsureLines(1);
                writer.ListDepth++;
                break;
            case "td" or "th":
                writer.Space();
                break;
            case "pre":
                writer.EnsureLines(1);
                writer.PreDepth++;
                break;
            case "blockquote":
                writer.EnsureLines(1);
                if (quotes != HtmlQuotes.Drop && IsQuoteBlock(element))
                {
                    writer.QuoteDepth++;
                }

                break;
            case "a":
                return writer.Length;
            default:
                writer.EnsureLines(BlockLines(element, name));
                break;
        }

        return 0;
    }

    private static void Leave(IElement element, string name, PlainTextWriter writer, int linkStart)
    {
        switch (name)
        {
            case "ul" or "ol":
                writer.ListDepth--;
                writer.EnsureLines(1);
                break;
            case "td" or "th":
                writer.Space();
                break;
            case "pre":
                writer.PreDepth--;
                writer.EnsureLines(1);
                break;
            case "blockquote":
                if (writer.QuoteDepth > 0 && IsQuoteBlock(element))
                {
                    writer.QuoteDepth--;
                }

                writer.EnsureLines(1);
                break;
            case "a":
                AppendHref(element, writer, linkStart);
                break;
            default:
                writer.EnsureLines(BlockLines(element, name));
                break;
        }
    }

    /// <summary>"text (href)" for web and mail links only: a javascript: or data: href is never shown.</summary>
    private static void AppendHref(IElement link, PlainTextWriter writer, int linkStart)
    {
        var href = Whitespace().Replace(link.GetAttribute("href") ?? "", "");
        var text = writer.Since(linkStart).Trim();
        if (text.Length == 0 || !WebOrMail().IsMatch(href) || Bare(text) == Bare(href))
        {
            return;
        }

        writer.Text(" (" + href + ")");
    }

    private static string Bare(string link) => SchemePrefix().Replace(link, "").TrimEnd('/').ToLowerInvariant();

    /// <summary>Line breaks around a block: a paragraph is set apart by a blank line, unless Outlook's (margin 0).</summary>
    private static int BlockLines(IElement element, string name) => name switch
    {
        "p" or "h1" or "h2" or "h3" or "h4" or "h5" or "h6" =>
            element.ClassName?.StartsWith("Mso", StringComparison.Ordinal) == true ? 1 : 2,
        "div" or "tr" or "table" or "hr" or "dl" or "dt" or "dd" or "section" or "article" or "header" or "footer" or "address"
            or "figure" or "figcaption" or "form" or "fieldset" or "main" or "nav" or "aside" or "center" or "details"
            or "summary" or "caption" or "body" => 1,
        _ => 0,
    };

    /// <summary>A blockquote a client wrote to quote (not Gmail's indent button, which is a blockquote without border).</summary>
    internal static bool IsQuoteBlock(IElement blockquote) =>
        string.Equals(blockquote.GetAttribute("type"), "cite", StringComparison.OrdinalIgnoreCase)
        || blockquote.ClassList.Contains("gmail_quote")
        || (blockquote.GetAttribute("style") ?? "").Contains("border-left", StringComparison.OrdinalIgnoreCase);

    private static bool IsSkipped(IElement element, string name) =>
        name is "script" or "style" or "head" or "title" or "template" or "noscript" or "iframe" or "object" or "embed"
            or "svg" or "math" or "select" or "datalist" or "textarea" or "audio" or "video" or "canvas"
        || element.HasAttribute("hidden")
        || (element.GetAttribute("style") is { } style && Hidden().IsMatch(style));

    [GeneratedRegex(@"display\s*:\s*none|mso-hide\s*:\s*all", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex Hidden();

    [GeneratedRegex(@"^(https?://|mailto:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex WebOrMail();

    [GeneratedRegex(@"^(https?://|mailto:)", RegexOptions.IgnoreCase | RegexOptions.CultureInvariant)]
    private static partial Regex SchemePrefix();

    [GeneratedRegex(@"\s+")]
    private static partial Regex Whitespace();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex AnyTag();
}
