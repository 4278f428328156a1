using CommercialManagement.Contracts.Inbox;
using MimeKit;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Which case an email answers: our emails carry the case's reply token in their reply address
/// (<c>reponses+{token}@domaine.fr</c>), so the token is wherever the email says it was delivered. The envelope headers
/// count as much as To and Cc: a customer who answers from a mail client that rewrites or hides the recipients still
/// reaches our mailbox through the tagged address.
/// </summary>
internal static class ReplyTokens
{
    private static readonly string[] RecipientHeaders =
        ["To", "Cc", "Delivered-To", "X-Original-To", "Envelope-To", "X-Envelope-To", "Resent-To"];

    /// <summary>
    /// The tokens found in the addresses the email was delivered to (To, Cc, Delivered-To, X-Original-To, Envelope-To,
    /// X-Envelope-To, Resent-To; each may hold several addresses, possibly malformed), matched against the organisation's
    /// reply address with <see cref="ReplyAddress.TokenOf"/>. Distinct, in the order the headers come in the email.
    /// </summary>
    public static IReadOnlyList<string> Find(MimeMessage message, string replyAddress)
    {
        ArgumentNullException.ThrowIfNull(message);
        var tokens = new List<string>();
        if (string.IsNullOrWhiteSpace(replyAddress))
        {
            return tokens;
        }

        var ours = replyAddress.Trim();
        foreach (var header in message.Headers.Where(h => RecipientHeaders.Contains(h.Field, StringComparer.OrdinalIgnoreCase)))
        {
            foreach (var address in AddressesIn(header))
            {
                var token = ReplyAddress.TokenOf(address, ours);
                if (token is not null && !tokens.Contains(token))
                {
                    tokens.Add(token);
                }
            }
        }

        return tokens;
    }

    /// <summary>
    /// MimeKit's reading of the header (groups, comments, quoted local parts, encoded names) followed by a loose scan of
    /// its text, which still finds the address in what does not parse (<c>reponses+x@domaine.fr, &lt;broken</c>).
    /// </summary>
    private static IEnumerable<string> AddressesIn(Header header)
    {
        if (header.RawValue is { Length: > 0 } raw && InternetAddressList.TryParse(raw, out var parsed))
        {
            foreach (var mailbox in parsed.Mailboxes)
            {
                yield return Unquoted(mailbox.Address ?? string.Empty);
            }
        }

        foreach (var address in InboundHeaders.AddressesIn(header.Value))
        {
            yield return address;
        }
    }

    /// <summary><c>"reponses+x"@domaine.fr</c> is the same mailbox as <c>reponses+x@domaine.fr</c>.</summary>
    private static string Unquoted(string address)
    {
        var at = address.LastIndexOf('@');
        return at > 1 && address[0] == '"' && address[at - 1] == '"' ? address[1..(at - 1)] + address[at..] : address;
    }
}
