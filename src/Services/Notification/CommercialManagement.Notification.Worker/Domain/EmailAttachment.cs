using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Notification.Worker.Documents;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>
/// A file an email carries (a quote's or an invoice's PDF), stored with the email when it is queued: the email sent is the
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
    /// Still to be fetched (from its <see cref="Source"/>) by the sender, outside any transaction, before the email
    /// goes: a consumer never waits on another service with its inbox transaction open (ADR 0012). Kept once fetched, so that
    /// a retried email carries the same document.
    /// </summary>
    public bool Pending { get; private set; }

    /// <summary>
    /// Where the document comes from (the quote's PDF from the Quote service, an invoice's from the Payment service); the
    /// email's <see cref="EmailMessage.RegardingId"/> (and version) names the document.
    /// </summary>
    public DocumentSource Source { get; private set; }

    /// <summary>A document's PDF, fetched from <paramref name="source"/> when the email is sent.</summary>
    public static EmailAttachment PdfToFetch(EmailMessage email, DocumentSource source, string fileName) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = email.OrganisationId, EmailId = email.Id, FileName = fileName, ContentType = "application/pdf",
        Source = source, Pending = true,
    };

    public void Fetched(byte[] content)
    {
        Content = content;
        Pending = false;
    }
}
