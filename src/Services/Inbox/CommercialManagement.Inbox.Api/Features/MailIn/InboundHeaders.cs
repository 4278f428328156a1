using System.Text;
using System.Text.RegularExpressions;
using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Reading the headers of whatever arrives without trusting them: values may be empty, folded, commented, oddly cased
/// or plain garbage, and none of that may throw, because an email that stops the mailbox loop blocks every one after it.
/// </summary>
internal static partial class InboundHeaders
{
    private const int MaxReasonLength = 160;

    /// <summary>
    /// The keyword a header holds, lower case, without RFC 5322 comments or parameters: <c>Auto-Replied (vacation)</c>
    /// and <c>auto-replied; owner-email="x@y"</c> both give <c>auto-replied</c>; empty when there is none.
    /// </summary>
    public static string Keyword(string? value)
    {
        if (string.IsNullOrEmpty(value))
        {
            return string.Empty;
        }

        // The first word only: what follows it is a comment, a parameter, or garbage (an unclosed comment).
        var words = CommentRegex().Replace(value, " ").Split([' ', '\t', ';', '(', ','], StringSplitOptions.RemoveEmptyEntries);
        return words.Length == 0 ? string.Empty : words[0].Trim('"').ToLowerInvariant();
    }

    /// <summary>The value of every header named <paramref name="field"/>, in order (a header may be repeated).</summary>
    public static IEnumerable<string> All(MimeMessage message, string field) =>
        message.Headers.Where(h => string.Equals(h.Field, field, StringComparison.OrdinalIgnoreCase)).Select(h => h.Value ?? string.Empty);

    /// <summary>
    /// The subject as people read it, to compare with known prefixes: composed Unicode (a Mac may send « Re&#x301;ponse »
    /// decomposed), typographic apostrophes made straight, every kind of space one plain space.
    /// </summary>
    public static string Subject(MimeMessage message)
    {
        var subject = Readable(message.Subject);
        return subject.Replace('\u2019', '\'').Replace('\u2018', '\'');
    }

    /// <summary>A short single-line text for a log or a stored reason: no control characters, bounded length.</summary>
    public static string Clean(string? text, int maxLength = MaxReasonLength)
    {
        var readable = Readable(text);
        return readable.Length <= maxLength ? readable : readable[..maxLength].TrimEnd() + "…";
    }

    /// <summary>Whether the envelope sender is null (<c>Return-Path: &lt;&gt;</c>): RFC 5321 gives notifications no sender to answer.</summary>
    public static bool HasNullSender(MimeMessage message)
    {
        var returnPath = All(message, "Return-Path").FirstOrDefault();
        return returnPath is not null && CommentRegex().Replace(returnPath, string.Empty).Replace(" ", string.Empty, StringComparison.Ordinal) is "<>" or "";
    }

    /// <summary>Everything that looks like an address in a text, in order; a loose match, for headers and reports that do not parse.</summary>
    public static IEnumerable<string> AddressesIn(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            yield break;
        }

        foreach (Match match in AddressRegex().Matches(text))
        {
            yield return match.Value;
        }
    }

    /// <summary>Composed, without control or invisible format characters, spaces collapsed, trimmed.</summary>
    private static string Readable(string? text)
    {
        if (string.IsNullOrEmpty(text))
        {
            return string.Empty;
        }

        var builder = new StringBuilder(text.Length);
        var space = false;
        foreach (var rune in text.EnumerateRunes())
        {
            if (Rune.IsWhiteSpace(rune) || Rune.IsControl(rune))
            {
                space = true;
                continue;
            }

            if (rune == Rune.ReplacementChar || Rune.GetUnicodeCategory(rune) == System.Globalization.UnicodeCategory.Format)
            {
                continue;
            }

            if (space && builder.Length > 0)
            {
                builder.Append(' ');
            }

            space = false;
            builder.Append(rune.ToString());
        }

        return builder.ToString().Normalize(NormalizationForm.FormC);
    }

    [GeneratedRegex(@"\([^()]*\)")]
    private static partial Regex CommentRegex();

    // The lookbehind makes a match start only where a run of address characters starts: linear on any text.
    [GeneratedRegex(@"(?<![A-Za-z0-9!#$%&'*+/=?^_`{|}~.-])[A-Za-z0-9!#$%&'*+/=?^_`{|}~.-]+@[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]*[A-Za-z0-9])?)+")]
    private static partial Regex AddressRegex();
}
