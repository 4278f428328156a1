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

    public static EmailAttachment For(EmailMessage email, string fileName, string contentType, byte[] content) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = email.OrganisationId, EmailId = email.Id, FileName = fileName, ContentType = contentType, Content = content,
    };
}
