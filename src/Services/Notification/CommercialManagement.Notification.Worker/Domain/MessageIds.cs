namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>
/// Message-IDs as they are kept and compared: without angle brackets, as the contracts carry them (EmailSent,
/// StaffMessagePosted.InReplyToEmail); the angle brackets are MIME's, added when the header is written.
/// </summary>
internal static class MessageIds
{
    /// <summary>Well beyond any real Message-ID, well within a header line.</summary>
    public const int MaxLength = 500;

    /// <summary>
    /// The Message-ID without its angle brackets; null when there is none or it could not be written back as a header
    /// (spaces, brackets, non-ASCII, no <c>@</c>): a reply then threads on the case's previous email instead, rather
    /// than fail to be sent over a header it only carries for the customer's mail client.
    /// </summary>
    public static string? Normalise(string? messageId)
    {
        var id = messageId?.Trim();
        if (id is { Length: > 1 } && id[0] == '<' && id[^1] == '>')
        {
            id = id[1..^1].Trim();
        }

        var at = id?.LastIndexOf('@') ?? -1;
        return id is { Length: > 0 and <= MaxLength } && at > 0 && at < id.Length - 1 && id.All(c => c is > ' ' and < (char)127 and not '<' and not '>')
            ? id
            : null;
    }
}
