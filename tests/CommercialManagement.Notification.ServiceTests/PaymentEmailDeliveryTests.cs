using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The payment emails when events are redelivered, arrive out of order, or the case is not (fully) known.</summary>
public sealed class PaymentEmailDeliveryTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task SamePaymentRequestTwice_SendsOneEmail()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "pay.once@example.fr", "Tk-once");
        var asked = Payments.Requested(Organisation, request.RequestId);
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("notification-payment-requested");

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = messageId);
        await Payments.EmailAsync(factory, "pay.once@example.fr", "Demande de paiement");
        await factory.Harness.Bus.Publish(asked, c => c.MessageId = messageId);
        // The same payment request published again under another id (it never should be) is not emailed twice either.
        var another = Guid.NewGuid();
        await factory.Harness.Bus.Publish(asked, c => c.MessageId = another);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(15)));
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", another) == 1,
            TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "pay.once@example.fr", "Demande de paiement"));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0", asked.PaymentRequestId));
    }

    [Fact]
    public async Task SamePaymentUnderTwoMessageIds_SendsOneReceipt()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "receipt.once@example.fr", "Tk-receipt-once");
        var payment = Payments.Received(Organisation, request.RequestId);
        var second = Guid.NewGuid();

        await factory.Harness.Bus.Publish(payment, c => c.MessageId = Guid.NewGuid());
        await Payments.EmailAsync(factory, "receipt.once@example.fr", "Reçu de paiement");
        await factory.Harness.Bus.Publish(payment, c => c.MessageId = second);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", second) == 1,
            TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "receipt.once@example.fr", "Reçu de paiement"));
    }

    [Fact]
    public async Task AddressCorrectedOnTheQuote_IsTheOneThePaymentEmailsGoTo_EvenWhenAnOlderRequestArrivesAfterIt()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "typo@exmple.fr", "Tk-corrected");
        var quote = Events.Quote(Organisation, request.RequestId, "corrected@example.fr") with { OccurredAt = request.OccurredAt.AddMinutes(5) };
        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());
        await factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == "corrected@example.fr"), "with the quote");
        var late = request with { CustomerEmail = "older@example.fr", OccurredAt = request.OccurredAt.AddMinutes(-1) };
        var lateId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(late, c => c.MessageId = lateId);
        await factory.HandledAsync(lateId);

        await factory.Harness.Bus.Publish(Payments.Requested(Organisation, request.RequestId), c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "corrected@example.fr", "Demande de paiement");
        Assert.Contains("/espace/Tk-corrected/payer/", email.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, await factory.CountAsync(
            "SELECT count(*) FROM emails WHERE \"CaseId\" = @p0 AND \"To\" IN ('typo@exmple.fr', 'older@example.fr')", request.RequestId));
    }

    [Fact]
    public async Task PaymentRequestBeforeItsCase_WaitsForTheCase_AndLinksToItsSpace()
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        var request = Events.Request(Organisation, "early.pay@example.fr", channel: RequestChannel.Phone) with { CustomerSpaceToken = "Tk-late" };
        var asked = Payments.Requested(Organisation, request.RequestId);

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = Guid.NewGuid());
        await Task.Delay(TimeSpan.FromSeconds(1));
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "early.pay@example.fr", "Demande de paiement");
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/espace/Tk-late/payer/{asked.PaymentRequestId}", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentRequestOfACaseNeverKnown_IsLoggedFailedWithTheReason_AfterTheRetries()
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        var asked = Payments.Requested(Organisation, Guid.CreateVersion7());

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.RegardingId == asked.PaymentRequestId);
        Assert.Equal("PaymentRequested", failed.Kind);
        Assert.Equal(asked.RequestId, failed.CaseId);
        Assert.Contains("adresse e-mail du client n'est pas connue", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("DEV-2026-00042", failed.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseWithoutItsSpaceToken_PaymentRequestIsLoggedFailed_ButTheReceiptIsSentWithoutTheLink()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "no.token@example.fr", "unused");
        await factory.ExecuteAsync($"UPDATE cases SET \"CustomerSpaceToken\" = NULL, \"TokenChangedAt\" = NULL WHERE \"RequestId\" = '{request.RequestId}'");
        var asked = Payments.Requested(Organisation, request.RequestId);

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Payments.Received(Organisation, request.RequestId), c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.RegardingId == asked.PaymentRequestId);
        Assert.Contains("lien de l'espace client n'est pas connu", failed.Reason, StringComparison.Ordinal);
        var receipt = await Payments.EmailAsync(factory, "no.token@example.fr", "Reçu de paiement");
        Assert.DoesNotContain("/espace/", receipt.TextBody, StringComparison.Ordinal);
        Assert.Equal(0, Payments.Count(factory, "no.token@example.fr", "Demande de paiement"));
    }

    [Fact]
    public async Task PaymentEventOfAnotherOrganisation_NamingOurCase_NeverReachesOurCustomer()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "ours@example.fr", "Tk-ours");
        var intruder = Guid.NewGuid();
        await factory.Harness.Bus.Publish(Events.Organisation(intruder), c => c.MessageId = Guid.NewGuid());
        var quote = Events.Quote(intruder, request.RequestId, "intruder@example.fr") with { OccurredAt = request.OccurredAt.AddMinutes(5) };
        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());
        var asked = Payments.Requested(intruder, request.RequestId);

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.RegardingId == asked.PaymentRequestId);
        Assert.Equal(intruder, failed.OrganisationId);
        Assert.Equal(0, Payments.Count(factory, "ours@example.fr", "Demande de paiement"));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM cases WHERE \"RequestId\" = @p0 AND \"CustomerEmail\" = 'ours@example.fr' AND \"OrganisationId\" = @p1",
            request.RequestId, Organisation));
    }
}
