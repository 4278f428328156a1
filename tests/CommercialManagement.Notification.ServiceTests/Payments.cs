using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.TestKit;
using MassTransit;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The payment events as the Payment service publishes them, and the case they are about, known to the worker.</summary>
internal static class Payments
{
    /// <summary>6 December 2026, 09:05 UTC: 10:05 in Paris (winter time).</summary>
    public static readonly DateTimeOffset Expiry = new(2026, 12, 6, 9, 5, 0, TimeSpan.Zero);

    public static PaymentRequested Requested(Guid organisationId, Guid requestId, string kind = "Deposit", long amountCents = 37037, long paidCents = 0) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = requestId,
        PaymentRequestId = Guid.CreateVersion7(),
        QuoteId = Guid.CreateVersion7(),
        QuoteNumber = "DEV-2026-00042",
        Kind = kind,
        AmountCents = amountCents,
        AcceptedTotalCents = 123456,
        PaidCents = paidCents,
        ExpiresAt = Expiry,
    };

    /// <summary>Received late on 29 November 2026 UTC: already 30 November in Paris.</summary>
    public static PaymentReceived Received(Guid organisationId, Guid requestId, long amountCents = 37037, long paidCents = 37037, string method = "Card", string kind = "Deposit") => new()
    {
        OrganisationId = organisationId,
        OccurredAt = new DateTimeOffset(2026, 11, 29, 23, 30, 0, TimeSpan.Zero),
        RequestId = requestId,
        PaymentId = Guid.CreateVersion7(),
        QuoteId = Guid.CreateVersion7(),
        AmountCents = amountCents,
        Kind = kind,
        PaidCents = paidCents,
        AcceptedTotalCents = 123456,
        Method = method,
        PaymentRequestId = Guid.CreateVersion7(),
    };

    public static PaymentRefunded Refunded(Guid organisationId, Guid requestId, long amountCents = 10000) => new()
    {
        OrganisationId = organisationId,
        OccurredAt = new DateTimeOffset(2026, 12, 1, 14, 0, 0, TimeSpan.Zero),
        RequestId = requestId,
        PaymentId = Guid.CreateVersion7(),
        RefundId = Guid.CreateVersion7(),
        AmountCents = amountCents,
    };

    /// <summary>The organisation known, and a phone case (no acknowledgement email) with its customer and token.</summary>
    public static async Task<RequestReceived> KnowTheCaseAsync(
        NotificationFactory factory, Guid organisationId, string email, string token, string name = "Élodie Müller", string language = "fr")
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(organisationId), c => c.MessageId = Guid.NewGuid());
        var request = Events.Request(organisationId, email, name, language, RequestChannel.Phone) with { CustomerSpaceToken = token };
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", organisationId) == 1
                && await factory.CountAsync("SELECT count(*) FROM cases WHERE \"RequestId\" = @p0 AND \"CustomerEmail\" IS NOT NULL", request.RequestId) == 1,
            TimeSpan.FromSeconds(15)));
        return request;
    }

    /// <summary>The first email to <paramref name="email"/> whose subject starts with <paramref name="subject"/>.</summary>
    public static Task<MimeMessage> EmailAsync(NotificationFactory factory, string email, string subject, TimeSpan? within = null) =>
        factory.ReceivedAsync(
            m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject?.StartsWith(subject, StringComparison.Ordinal) ?? false),
            $"« {subject} » to {email}", within);

    public static int Count(NotificationFactory factory, string email, string subject) =>
        factory.Received().Count(m => m.To.Mailboxes.Any(b => b.Address == email) && (m.Subject?.StartsWith(subject, StringComparison.Ordinal) ?? false));
}
