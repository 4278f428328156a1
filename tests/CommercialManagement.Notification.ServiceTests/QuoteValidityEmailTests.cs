using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>
/// The emails time sends about a quote (issue 17): « Votre devis a expiré » (unless the organisation turned it off) and the
/// follow-up before expiry, each once per quote and validity date.
/// </summary>
public sealed class QuoteValidityEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private static QuoteExpired Expired(Guid requestId, Guid quoteId, bool email, DateOnly? until = null) => new()
    {
        OrganisationId = Organisation, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, QuoteId = quoteId, Number = "DEV-2026-00042",
        ValidUntil = until ?? new DateOnly(2026, 11, 27), EmailCustomer = email, CustomerName = "Élodie Martin", CustomerEmail = "x@example.fr", Language = "fr",
    };

    [Fact]
    public async Task QuoteExpired_TellsTheCustomerWhyAndHowToAskAgain_OncePerValidityDate()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "expired@example.fr", "Tk-expired");
        var quoteId = Guid.CreateVersion7();

        await factory.Harness.Bus.Publish(Expired(request.RequestId, quoteId, email: true), c => c.MessageId = Guid.NewGuid());
        var email = await Payments.EmailAsync(factory, "expired@example.fr", "Votre devis DEV-2026-00042 a expiré");
        var again = Guid.NewGuid();
        await factory.Harness.Bus.Publish(Expired(request.RequestId, quoteId, email: true), c => c.MessageId = again);
        await factory.HandledAsync(again);

        Assert.Contains("Le devis DEV-2026-00042 était valable jusqu'au 27 novembre 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("nous vérifierons les disponibilités et vous enverrons un nouveau devis", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/espace/Tk-expired", email.TextBody, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "expired@example.fr", "Votre devis DEV-2026-00042 a expiré"));

        // Extended, then expired again at its new date: told again.
        await factory.Harness.Bus.Publish(Expired(request.RequestId, quoteId, email: true, new DateOnly(2026, 12, 4)), c => c.MessageId = Guid.NewGuid());
        await Payments.EmailAsync(factory, "expired@example.fr", "Votre devis DEV-2026-00042 a expiré");
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(Payments.Count(factory, "expired@example.fr", "Votre devis DEV-2026-00042 a expiré") == 2), TimeSpan.FromSeconds(20)));
    }

    [Fact]
    public async Task QuoteExpired_WithTheEmailTurnedOff_TellsNobody()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "expired-off@example.fr", "Tk-expired-off");
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(Expired(request.RequestId, Guid.CreateVersion7(), email: false), c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"CaseId\" = @p0", request.RequestId));
    }

    [Fact]
    public async Task QuoteFollowUpDue_RemindsTheCustomerOfTheDate_Once()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "follow-up@example.fr", "Tk-follow-up");
        var due = new QuoteFollowUpDue
        {
            OrganisationId = Organisation, OccurredAt = DateTimeOffset.UtcNow, RequestId = request.RequestId, QuoteId = Guid.CreateVersion7(), Number = "DEV-2026-00043",
            ValidUntil = new DateOnly(2026, 12, 1), Language = "fr",
        };

        await factory.Harness.Bus.Publish(due, c => c.MessageId = Guid.NewGuid());
        var email = await Payments.EmailAsync(factory, "follow-up@example.fr", "Votre devis DEV-2026-00043 est valable jusqu'au 1er décembre 2026");
        var again = Guid.NewGuid();
        await factory.Harness.Bus.Publish(due, c => c.MessageId = again);
        await factory.HandledAsync(again);

        Assert.Contains("Vous pouvez le consulter et l'accepter en ligne depuis votre espace client", email.TextBody, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "follow-up@example.fr", "Votre devis DEV-2026-00043 est valable"));
    }
}
