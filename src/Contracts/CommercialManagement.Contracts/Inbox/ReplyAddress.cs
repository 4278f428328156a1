namespace CommercialManagement.Contracts.Inbox;

/// <summary>
/// The format of a reply address, shared by who writes it (Notification, in the Reply-To of every email about a case)
/// and who reads it (Inbox, in the recipients of what comes back): the organisation's reply address with the case's
/// reply token as its plus-tag, <c>reponses+{token}@domaine.fr</c>. A token is 32 characters of lowercase base32
/// (a–z, 2–7): 160 random bits, so that it cannot be guessed, and a local part well under the 64 characters allowed.
/// </summary>
public static class ReplyAddress
{
    public const int TokenLength = 32;

    /// <summary>The reply address with <paramref name="token"/> as its tag; the address unchanged when it cannot carry one.</summary>
    public static string Tag(string replyAddress, string? token)
    {
        var at = replyAddress.LastIndexOf('@');
        if (token is null || !IsToken(token) || at <= 0 || replyAddress.Contains('+', StringComparison.Ordinal))
        {
            return replyAddress;
        }

        return $"{replyAddress[..at]}+{token}{replyAddress[at..]}";
    }

    /// <summary>
    /// The token <paramref name="recipient"/> carries when it is <paramref name="replyAddress"/> tagged (local part and
    /// domain compared without case, as mail servers do); null otherwise.
    /// </summary>
    public static string? TokenOf(string recipient, string replyAddress)
    {
        var at = replyAddress.LastIndexOf('@');
        var recipientAt = recipient.LastIndexOf('@');
        if (at <= 0 || recipientAt <= 0)
        {
            return null;
        }

        var local = recipient[..recipientAt];
        var plus = local.IndexOf('+', StringComparison.Ordinal);
        if (plus < 0
            || !string.Equals(local[..plus], replyAddress[..at], StringComparison.OrdinalIgnoreCase)
            || !string.Equals(recipient[recipientAt..], replyAddress[at..], StringComparison.OrdinalIgnoreCase))
        {
            return null;
        }

        var token = local[(plus + 1)..].ToLowerInvariant();
        return IsToken(token) ? token : null;
    }

    public static bool IsToken(string token) =>
        token.Length == TokenLength && token.All(c => c is (>= 'a' and <= 'z') or (>= '2' and <= '7'));
}
