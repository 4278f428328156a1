namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// What becomes of one attachment of an inbound email: kept under a safe name and served with a safe type, or refused
/// with a French reason shown to staff (the refused file's name too, so they know what the customer tried to send).
/// </summary>
internal abstract record AttachmentDecision(string FileName)
{
    internal sealed record Kept(string FileName, string ContentType) : AttachmentDecision(FileName);

    internal sealed record Refused(string FileName, string Reason) : AttachmentDecision(FileName);
}
