using AngleSharp.Dom;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Removes, from a parsed HTML body, what the usual clients mark as quoted history or signature: by their own classes
/// and ids (Gmail, Thunderbird, Yahoo, Outlook, Zimbra), the HTML being far more reliable there than its text.
/// </summary>
internal static class HtmlQuoteCutter
{
    private const string Signatures =
        ".gmail_signature, .gmail_signature_prefix, .moz-signature, #Signature, .yahoo-signature, [id*='ymail_android_signature'], [id*='ymail_iphone_signature']";

    private const string Quotes =
        "div.gmail_quote, div.gmail_quote_container, blockquote.gmail_quote, blockquote[type='cite' i], div.moz-cite-prefix";

    /// <summary>Everything after one of these is history (Outlook and webmails do not nest it in a blockquote).</summary>
    private const string HistoryStarts =
        "[id$='appendonsend'], [id$='divRplyFwdMsg'], hr#zwchr, [id*='mail-editor-reference-message-container'], div.OutlookMessageHeader, div.yahoo_quoted";

    public static void Apply(IElement body, HtmlQuotes quotes)
    {
        if (quotes == HtmlQuotes.Keep)
        {
            return;
        }

        foreach (var signature in body.QuerySelectorAll(Signatures).ToList())
        {
            signature.Remove();
        }

        if (body.QuerySelectorAll(HistoryStarts + ", div[style]").FirstOrDefault(IsHistoryStart) is { } history)
        {
            CutFrom(history.Id?.EndsWith("divRplyFwdMsg", StringComparison.Ordinal) == true
                && history.PreviousElementSibling is { LocalName: "hr" } rule ? rule : history, body);
        }

        if (quotes == HtmlQuotes.Drop)
        {
            foreach (var quote in body.QuerySelectorAll(Quotes).ToList())
            {
                RemoveReplyHeaderBefore(quote);
                quote.Remove();
            }
        }
    }

    /// <summary>Outlook desktop marks its header block only by the thin line above it: a bordered div starting « De : ».</summary>
    private static bool IsHistoryStart(IElement element) =>
        element.Matches(HistoryStarts)
        || ((element.GetAttribute("style") ?? "").Replace(" ", "", StringComparison.Ordinal).Contains("border-top:solid", StringComparison.OrdinalIgnoreCase)
            && ReplyMarkers.StartsWithFromLabel(element.TextContent));

    /// <summary>Removes the node and all that follows it in document order.</summary>
    private static void CutFrom(INode start, IElement body)
    {
        // From the last child backwards: removing from the middle of a long sibling list would be quadratic.
        for (var node = start; node.Parent is { } parent && node != body; node = parent)
        {
            while (parent.LastChild is { } last && last != node)
            {
                last.RemoveFromParent();
            }
        }

        start.RemoveFromParent();
    }

    /// <summary>The « Le … a écrit : » just above a removed quote (Apple Mail, old Gmail), which would be left alone.</summary>
    private static void RemoveReplyHeaderBefore(IElement quote)
    {
        for (var node = quote.PreviousSibling; node is not null; node = node.PreviousSibling)
        {
            if (node is IElement { LocalName: "br" } || string.IsNullOrWhiteSpace(node.TextContent))
            {
                continue;
            }

            if (node.TextContent.Length < 1000 && ReplyMarkers.IsReplyHeader(node.TextContent))
            {
                node.RemoveFromParent();
            }

            return;
        }
    }
}
