using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>
/// A file attached to a customer's email: kept (with its size and the type it is served as, always as a download),
/// or refused with the reason staff see (an executable, too big) so that they know it existed.
/// </summary>
internal sealed class MessageAttachment : ITenantOwned
{
    private MessageAttachment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid MessageId { get; private set; }

    public string FileName { get; private set; } = "";

    /// <summary>The type it is served as (a short safe list, else application/octet-stream).</summary>
    public string ContentType { get; private set; } = "";

    public long Size { get; private set; }

    /// <summary>The file; null when refused.</summary>
    public byte[]? Content { get; private set; }

    public string? RefusedReason { get; private set; }

    public static MessageAttachment Kept(ConversationMessage message, string fileName, string contentType, byte[] content, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = message.OrganisationId,
        MessageId = message.Id,
        FileName = fileName,
        ContentType = contentType,
        Size = content.LongLength,
        Content = content,
    };

    public static MessageAttachment Refused(ConversationMessage message, string fileName, long size, string reason, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = message.OrganisationId,
        MessageId = message.Id,
        FileName = fileName,
        ContentType = "application/octet-stream",
        Size = size,
        RefusedReason = reason,
    };
}
