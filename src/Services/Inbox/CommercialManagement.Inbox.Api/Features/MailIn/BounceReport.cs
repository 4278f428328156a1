namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// What a delivery failure report says: the address that failed, the status (<c>5.1.1</c>), the server's words, and the
/// Message-ID (no angle brackets) of the email that bounced, from the report's returned message or headers part.
/// Permanent is false for a delay (the server is still trying): only a permanent failure marks the address failing.
/// </summary>
internal sealed record BounceReport(string? FailedRecipient, string? Status, string? Diagnostic, string? OriginalMessageId, bool Permanent);
