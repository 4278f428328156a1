using CommercialManagement.Contracts.Quote;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>« Votre séjour a changé »: the customer who had a quote is told it is void and that a new one is coming.</summary>
public sealed class QuoteReplacedEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private static QuoteVoided Voided(Guid requestId, bool seen, bool replaced) => new()
    {
        OrganisationId = Organisation, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, QuoteId = Guid.CreateVersion7(),
        Reason = "Les dates ou les participants du séjour ont changé (Lucas Girard) : ce devis est annulé.", Number = "DEV-2026-00042",
        SeenByCustomer = seen, ReplacedByNewQuote = replaced,
    };

    [Fact]
    public async Task SentQuoteVoidedByAChangeOfStay_TheCustomerIsToldANewQuoteIsComing_WithTheirSpaceLink_Once()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "replaced@example.fr", "Tk-replaced");
        var voided = Voided(request.RequestId, seen: true, replaced: true);

        await factory.Harness.Bus.Publish(voided, c => c.MessageId = Guid.NewGuid());
        var email = await Payments.EmailAsync(factory, "replaced@example.fr", "Votre séjour a changé : un nouveau devis arrive");
        var again = Guid.NewGuid();
        await factory.Harness.Bus.Publish(voided, c => c.MessageId = again);
        await factory.HandledAsync(again);

        Assert.Contains("le devis DEV-2026-00042 que nous vous avions envoyé n'est plus valable", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Nous préparons un nouveau devis", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/espace/Tk-replaced", email.TextBody, StringComparison.Ordinal);
        // Staff's reason (and their name) is not the customer's business.
        Assert.DoesNotContain("Lucas Girard", email.TextBody, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "replaced@example.fr", "Votre séjour a changé"));
    }

    [Theory]
    [InlineData(false, true)]
    [InlineData(true, false)]
    public async Task QuoteNeverSent_OrVoidedWithoutAReplacement_TellsTheCustomerNothing(bool seen, bool replaced)
    {
        var address = $"quiet-{seen}-{replaced}@example.fr".ToLowerInvariant();
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, address, $"Tk-quiet-{seen}-{replaced}");
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(Voided(request.RequestId, seen, replaced), c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);

        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"CaseId\" = @p0", request.RequestId));
    }
}
