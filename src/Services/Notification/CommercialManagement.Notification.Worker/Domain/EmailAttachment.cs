using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>
/// A file an email carries (the quote's PDF), stored with the email when it is queued: the email sent is the
/// document as it was when asked for, even if it is sent after retries.
/// </summary>
internal sealed class EmailAttachment : ITenantOwned
{
    private EmailAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid EmailId { get; private set; }

    public string FileName { get; private set; } = "";

    public string ContentType { get; private set; } = "";

    public byte[] Content { get; private set; } = [];

    /// <summary>
    /// Still to be fetched (the quote's PDF, from the Quote service) by the sender, outside any transaction, before the email
    /// goes: a consumer never waits on another service with its inbox transaction open (ADR 0012). Kept once fetched, so that
    /// a retried email carries the same document.
    /// </summary>
    public bool Pending { get; private set; }

    public static EmailAttachment For(EmailMessage email, string fileName, string contentType, byte[] content) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = email.OrganisationId, EmailId = email.Id, FileName = fileName, ContentType = contentType, Content = content,
    };

    /// <summary>The quote's PDF, fetched when the email is sent (<see cref="EmailMessage.RegardingId"/> and version name it).</summary>
    public static EmailAttachment QuotePdfToFetch(EmailMessage email, string fileName) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = email.OrganisationId, EmailId = email.Id, FileName = fileName, ContentType = "application/pdf", Pending = true,
    };

    public void Fetched(byte[] content)
    {
        Content = content;
        Pending = false;
    }
}
