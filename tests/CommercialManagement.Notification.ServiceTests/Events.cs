using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Notification.ServiceTests;

internal static class Events
{
    public static OrganisationChanged Organisation(Guid organisationId, DateTimeOffset? at = null, string sender = "Chalet des Mélèzes", bool alertsByEmail = true) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = at ?? DateTimeOffset.UtcNow,
        Name = "Chalet des Mélèzes",
        Kind = "AccommodationProvider",
        Address = "Route des Mélèzes, 73500 Val Nevé",
        ContactEmail = "bonjour@chalet-melezes.test",
        ContactPhone = "+33 6 00 00 00 03",
        DepositPercentage = 30,
        BalanceDueDaysBeforeArrival = 30,
        QuoteValidityDays = 7,
        QuoteNumberPrefix = "CHM",
        TermsOfSale = "CGV",
        EmailSenderName = sender,
        EmailReplyTo = "reservation@chalet-melezes.test",
        AlertsByEmail = alertsByEmail,
    };

    /// <summary>The organisation's reply mailbox set up (an address) or switched off (null), as Inbox publishes it.</summary>
    public static ReplyMailboxChanged ReplyMailbox(Guid organisationId, string? address, DateTimeOffset? at = null) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = at ?? DateTimeOffset.UtcNow,
        ReplyAddress = address,
    };

    /// <summary>A new case's reply token, as Inbox draws it: 32 characters of lowercase base32.</summary>
    public static string ReplyToken() =>
        string.Concat(System.Security.Cryptography.RandomNumberGenerator.GetItems("abcdefghijklmnopqrstuvwxyz234567".AsSpan(), ReplyAddress.TokenLength));

    public static RequestReceived Request(Guid organisationId, string email, string name = "Élodie Müller", string language = "fr", RequestChannel channel = RequestChannel.WebForm) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = Guid.CreateVersion7(),
        Channel = channel,
        CustomerName = name,
        CustomerEmail = email,
        Arrival = new DateOnly(2027, 2, 13),
        Departure = new DateOnly(2027, 2, 20),
        Adults = 2,
        ChildrenAges = [8, 5],
        Language = language,
        CustomerSpaceToken = "space-token-of-the-case",
    };

    public static StaffMessagePosted StaffReply(Guid organisationId, string email, string body, string language = "fr", string token = "space-token-of-the-case") => new()
    {
        OrganisationId = organisationId,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = Guid.CreateVersion7(),
        MessageId = Guid.CreateVersion7(),
        StaffId = Guid.NewGuid(),
        StaffName = "Julien Perrin",
        CustomerName = "Élodie Müller",
        CustomerEmail = email,
        Language = language,
        Body = body,
        CustomerSpaceToken = token,
    };

    public static CustomerMessagePosted CustomerReply(Guid organisationId, string customerName, Guid? assigneeId = null) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = Guid.CreateVersion7(),
        MessageId = Guid.CreateVersion7(),
        CustomerName = customerName,
        AssigneeId = assigneeId,
    };

    /// <summary>The gateway's alert, as its StaffAlertConsumer raises it.</summary>
    public static StaffAlertRaised Alert(Guid organisationId, string kind, string text, Guid? recipientId = null, Guid? requestId = null) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = requestId ?? Guid.CreateVersion7(),
        RecipientId = recipientId,
        Kind = kind,
        Text = text,
    };

    public static StaffMemberChanged StaffMember(Guid organisationId, Guid staffId, string email, bool active = true, DateTimeOffset? at = null) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = at ?? DateTimeOffset.UtcNow,
        StaffId = staffId,
        Name = "Julien Perrin",
        Email = email,
        Role = "Agent",
        Active = active,
    };

    public static QuoteSent Quote(Guid organisationId, Guid requestId, string email, int version = 1, string language = "fr", Guid? quoteId = null) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = requestId,
        QuoteId = quoteId ?? Guid.CreateVersion7(),
        Number = "DEV-2026-00042",
        TotalCents = 123456,
        Version = version,
        ValidUntil = new DateOnly(2027, 2, 13),
        CustomerName = "Élodie Müller",
        CustomerEmail = email,
        Language = language,
    };

    public static CustomerSpaceLinkRenewed LinkRenewed(Guid organisationId, Guid requestId, string token, DateTimeOffset at) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = at,
        RequestId = requestId,
        CustomerSpaceToken = token,
    };
}
