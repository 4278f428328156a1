using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;

namespace CommercialManagement.Notification.Worker.Templates;

internal sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>A link shown as a button in the HTML part, and as its label and address in the plain-text part.</summary>
internal sealed record EmailLink(string Label, string Url);

/// <summary>
/// What an email says, before it is laid out. Paragraphs are text (line breaks kept); the signature's lines close it.
/// </summary>
internal sealed record EmailContent(
    string Subject,
    bool English,
    string Heading,
    IReadOnlyList<string> Paragraphs,
    EmailLink? Link,
    IReadOnlyList<string> Signature);

/// <summary>
/// Lays an email out as HTML and plain text. Everything is HTML-encoded in the HTML part, whoever wrote it: customer
/// and staff text is data, never markup.
/// </summary>
internal static class EmailLayout
{
    // Markup characters are encoded; accents stay readable in the source of the email.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedEmail Render(EmailContent content)
    {
        var text = new StringBuilder();
        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(content.English ? "en" : "fr").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(content.Subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f3f6f8;font-family:Arial,Helvetica,sans-serif;color:#1d2b36\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:28px 32px\">")
            .Append("<div style=\"color:#1f5f8b;font-weight:bold;font-size:15px;margin-bottom:18px\">").Append(Html.Encode(content.Heading)).Append("</div>");

        foreach (var paragraph in content.Paragraphs)
        {
            var lines = Lines(paragraph);
            text.AppendJoin('\n', lines).Append("\n\n");
            html.Append("<p style=\"font-size:15px;line-height:1.5;margin:0 0 14px\">").AppendJoin("<br>", lines.Select(Html.Encode)).Append("</p>");
        }

        if (content.Link is { } link)
        {
            text.Append(link.Label).Append(content.English ? ": " : " : ").Append(link.Url).Append("\n\n");
            html.Append("<p style=\"margin:22px 0 8px\"><a href=\"").Append(Html.Encode(link.Url))
                .Append("\" style=\"display:inline-block;background:#1f5f8b;color:#ffffff;text-decoration:none;font-weight:bold;font-size:15px;padding:11px 20px;border-radius:6px\">")
                .Append(Html.Encode(link.Label)).Append("</a></p>")
                .Append("<p style=\"font-size:13px;line-height:1.4;color:#5b6b78;margin:0 0 14px;word-break:break-all\">")
                .Append(Html.Encode(link.Url)).Append("</p>");
        }

        var signature = content.Signature.Where(line => !string.IsNullOrWhiteSpace(line)).ToList();
        text.AppendJoin('\n', signature);
        html.Append("<p style=\"font-size:15px;line-height:1.5;margin:18px 0 0\">").AppendJoin("<br>", signature.Select(Html.Encode))
            .Append("</p></div></body></html>");
        return new RenderedEmail(content.Subject, html.ToString(), text.ToString());
    }

    /// <summary>A subject is one line, whatever the name put in it contains.</summary>
    public static string OneLine(string value) => string.Join(' ', Lines(value).Select(l => l.Trim()).Where(l => l.Length > 0));

    private static string[] Lines(string paragraph) => paragraph.ReplaceLineEndings("\n").Split('\n');
}
