using System.Net;
using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// What a bounce's own words and returned message tell, dug out as best we can: every mail system words its report
/// differently, and the free-text ones give the failed address, the SMTP reply and a copy of our email only in prose.
/// </summary>
internal sealed partial class BounceEvidence
{
    private const int MaxTextLength = 100_000;

    private static readonly string[] FromOurSide = ["From", "Sender", "Reply-To", "To", "Cc", "Delivered-To", "X-Original-To", "Return-Path"];

    private (string? Status, string? Diagnostic)? smtpReply;

    private BounceEvidence(string report, MimeMessage? returned)
    {
        Report = report;
        Returned = returned;
    }

    /// <summary>The report's readable text, without the copy of the returned message some systems paste below it.</summary>
    public string Report { get; }

    /// <summary>The email that bounced (often its headers only), attached or pasted into the text.</summary>
    public MimeMessage? Returned { get; }

    public string? OriginalMessageId => Returned?.MessageId is { } id && id.Trim('<', '>', ' ') is { Length: > 0 } bare ? bare : null;

    public static BounceEvidence Gather(MimeMessage message, IReadOnlyList<MimeEntity> entities)
    {
        var text = ReadableText(entities);
        var returned = entities.Select(ReturnedMessage).FirstOrDefault(m => m is not null);
        var copyStart = InlineCopyStart(text);
        if (copyStart >= 0)
        {
            returned ??= Parse(Encoding.UTF8.GetBytes(text[copyStart..]));
            text = text[..copyStart];
        }

        return new BounceEvidence(text, returned);
    }

    public static bool IsReturnedMessage(MimeEntity entity) =>
        entity is MessagePart || (entity is MimePart part && IsReturnedType(part.ContentType));

    /// <summary>
    /// The address that failed, from the report's text: a recipient field or RCPT TO quoted in it, else the first address
    /// that is neither ours, nor the returned email's sender, nor a mail system's; else the returned email's sole recipient.
    /// </summary>
    public string? FailedRecipient(MimeMessage bounce)
    {
        var ours = FromOurSide.SelectMany(f => InboundHeaders.All(bounce, f))
            .Concat(Returned is null ? [] : FromOurSide.Take(3).Append("Return-Path").SelectMany(f => InboundHeaders.All(Returned, f)))
            .SelectMany(InboundHeaders.AddressesIn)
            .ToHashSet(StringComparer.OrdinalIgnoreCase);
        bool Candidate(string address) => !ours.Contains(address) && !IsMailSystem(address);

        foreach (var regex in (Regex[])[RecipientFieldRegex(), RcptToRegex()])
        {
            var quoted = regex.Matches(Report).Select(m => m.Groups["address"].Value).FirstOrDefault(Candidate);
            if (quoted is not null)
            {
                return quoted;
            }
        }

        return InboundHeaders.AddressesIn(Report).FirstOrDefault(Candidate)
            ?? (Returned?.To.Mailboxes.ToList() is [var only] ? only.Address : null);
    }

    /// <summary>The enhanced status (<c>5.1.1</c>) and the remote server's reply line, as quoted in the text.</summary>
    public (string? Status, string? Diagnostic) SmtpReply()
    {
        return smtpReply ??= Find(Report);

        static (string?, string?) Find(string report)
        {
            var reply = SmtpReplyRegex().Match(report);
            if (reply.Success)
            {
                var status = reply.Groups["status"].Success ? reply.Groups["status"].Value : StatusCode(report);
                return (status, LineFrom(report, reply.Index));
            }

            var enhanced = EnhancedStatusRegex().Match(report);
            return enhanced.Success ? (enhanced.Value, LineFrom(report, enhanced.Index)) : (null, null);
        }
    }

    /// <summary>The first enhanced status code in a value (<c>5.1.1 (bad destination mailbox)</c> gives 5.1.1).</summary>
    public static string? StatusCode(string? value)
    {
        var match = EnhancedStatusRegex().Match(value ?? string.Empty);
        return match.Success ? match.Value : null;
    }

    /// <summary>A DSN field's value without its type (<c>smtp; 550 …</c>, <c>rfc822; a@b</c>).</summary>
    public static string? WithoutType(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        var typed = TypedValueRegex().Match(value);
        var bare = (typed.Success ? typed.Groups["value"].Value : value).Trim();
        return bare.Length == 0 ? null : bare;
    }

    /// <summary>The address in a recipient field (<c>rfc822; &lt;a@b&gt;</c>, or utf-8 for an internationalised one).</summary>
    public static string? AddressOf(string? value)
    {
        var bare = WithoutType(value)?.Trim('<', '>', ' ');
        if (bare is null)
        {
            return null;
        }

        return bare.Contains('@', StringComparison.Ordinal) && !bare.Any(char.IsWhiteSpace) ? bare : InboundHeaders.AddressesIn(bare).FirstOrDefault();
    }

    public static IEnumerable<HeaderList> StatusGroups(MessageDeliveryStatus status)
    {
        try
        {
            return [.. status.StatusGroups];
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or ArgumentException)
        {
            return [];
        }
    }

    private static bool IsMailSystem(string address)
    {
        var local = address[..Math.Max(0, address.LastIndexOf('@'))].ToLowerInvariant();
        return local is "mailer-daemon" or "postmaster" or "mail-daemon" || local.StartsWith("microsoftexchange", StringComparison.Ordinal);
    }

    private static bool IsReturnedType(ContentType type) =>
        type.IsMimeType("message", "rfc822") || type.IsMimeType("message", "global") || type.IsMimeType("text", "rfc822-headers")
        || type.IsMimeType("message", "global-headers");

    private static MimeMessage? ReturnedMessage(MimeEntity entity)
    {
        try
        {
            if (entity is MessagePart { Message: { } message })
            {
                return message;
            }

            // Encoded in base64 or quoted-printable, MimeKit leaves it a plain part: decode and read it ourselves.
            if (entity is MimePart { Content: { } content } part && IsReturnedType(part.ContentType))
            {
                using var decoded = new MemoryStream();
                content.DecodeTo(decoded);
                return Parse(decoded.ToArray());
            }
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
        }

        return null;
    }

    private static MimeMessage? Parse(byte[] bytes)
    {
        try
        {
            using var stream = new MemoryStream(bytes);
            return MimeMessage.Load(stream);
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or ArgumentException)
        {
            return null;
        }
    }

    /// <summary>The report's plain text parts (its HTML ones, tags removed, when it has no plain text), bounded in length.</summary>
    private static string ReadableText(IReadOnlyList<MimeEntity> entities)
    {
        var texts = entities.OfType<TextPart>().ToList();
        var plain = texts.Where(t => t.IsPlain).Select(SafeText).ToList();
        var text = plain.Count > 0 ? string.Join('\n', plain) : string.Join('\n', texts.Where(t => t.IsHtml).Select(t => WithoutTags(SafeText(t))));
        return text.Length <= MaxTextLength ? text : text[..MaxTextLength];
    }

    private static string SafeText(TextPart part)
    {
        try
        {
            return part.Text ?? string.Empty;
        }
        catch (Exception e) when (e is FormatException or IOException or InvalidOperationException or ArgumentException or NotSupportedException)
        {
            return string.Empty;
        }
    }

    private static string WithoutTags(string html)
    {
        var text = HiddenHtmlRegex().Replace(html, " ");
        text = BreakTagRegex().Replace(text, "\n");
        return WebUtility.HtmlDecode(TagRegex().Replace(text, " "));
    }

    /// <summary>Where a pasted copy of the returned email starts: a header line followed by another header or a folded line.</summary>
    private static int InlineCopyStart(string text)
    {
        foreach (Match start in CopyHeaderRegex().Matches(text))
        {
            var next = text.IndexOf('\n', start.Index);
            if (next >= 0 && HeaderOrFoldRegex().IsMatch(text.AsSpan(next + 1)))
            {
                return start.Index;
            }
        }

        return -1;
    }

    /// <summary>The line from <paramref name="index"/> with the indented lines that continue it (at most three).</summary>
    private static string LineFrom(string text, int index)
    {
        var builder = new StringBuilder();
        var lines = text[index..].Split('\n');
        builder.Append(lines[0]);
        foreach (var line in lines.Skip(1).Take(3).TakeWhile(l => l.Length > 0 && (l[0] == ' ' || l[0] == '\t') && l.Trim().Length > 0))
        {
            builder.Append(' ').Append(line.Trim());
        }

        return InboundHeaders.Clean(builder.ToString(), 300);
    }

    [GeneratedRegex(@"(?<![\w.])[245]\.\d{1,3}\.\d{1,3}(?!\.?\d)")]
    private static partial Regex EnhancedStatusRegex();

    [GeneratedRegex(@"(?<![\w.])[45]\d\d(?:[ -](?<status>[245]\.\d{1,3}\.\d{1,3})(?!\.?\d)|(?=[ -][A-Za-z<]))")]
    private static partial Regex SmtpReplyRegex();

    [GeneratedRegex(@"(?:Final|Original)-Recipient:\s*[\w-]+;\s*<?(?<address>[^\s<>;]+@[^\s<>;]+?)>?(?=[\s;]|$)", RegexOptions.IgnoreCase)]
    private static partial Regex RecipientFieldRegex();

    [GeneratedRegex(@"RCPT TO:\s*<(?<address>[^\s<>]+@[^\s<>]+)>", RegexOptions.IgnoreCase)]
    private static partial Regex RcptToRegex();

    [GeneratedRegex(@"^\s*(?<type>[A-Za-z0-9-]+)\s*;(?<value>.*)$", RegexOptions.Singleline)]
    private static partial Regex TypedValueRegex();

    [GeneratedRegex(@"^(?:Return-Path|Received|DKIM-Signature|ARC-Seal|Message-ID|MIME-Version|From|Date|Subject|To)[ \t]*:", RegexOptions.IgnoreCase | RegexOptions.Multiline)]
    private static partial Regex CopyHeaderRegex();

    [GeneratedRegex(@"\A(?:[!-9;-~]+[ \t]*:|[ \t]+\S)")]
    private static partial Regex HeaderOrFoldRegex();

    [GeneratedRegex(@"<(script|style|head)\b[^>]*>.*?</\1\s*>", RegexOptions.IgnoreCase | RegexOptions.Singleline)]
    private static partial Regex HiddenHtmlRegex();

    [GeneratedRegex(@"<br\s*/?>|</(?:p|div|tr|li|h\d)\s*>", RegexOptions.IgnoreCase)]
    private static partial Regex BreakTagRegex();

    [GeneratedRegex(@"<[^>]*>")]
    private static partial Regex TagRegex();
}
