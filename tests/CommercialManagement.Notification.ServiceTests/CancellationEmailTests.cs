using System.Diagnostics;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>« Votre réservation … est annulée »: who asked, why, the amounts, the documents to follow, once per case.</summary>
public sealed class CancellationEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private const string Base = NotificationFactory.PublicBaseUrl;

    [Fact]
    public async Task CancelledAtTheCustomersRequest_SaysSoWithWhatIsKeptAndRefunded_AndNotTheirOwnReason()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.customer@example.fr", "Tk-cancel_1");
        var cancelled = Cancelled(request.RequestId, "Customer", "Changement de plans personnel", retainedCents: 25000, refundCents: 50000);

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.customer@example.fr", "Votre réservation");
        Assert.Equal("Votre réservation DEV-2026-00042 est annulée — Chalet des Mélèzes", email.Subject);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Bonjour Élodie Müller,", text, StringComparison.Ordinal);
        Assert.Contains("Votre réservation (devis DEV-2026-00042) est annulée à votre demande.", text, StringComparison.Ordinal);
        Assert.Contains(
            "Conformément à nos conditions d'annulation, nous conservons 250,00\u00A0€ au titre de l'indemnité d'annulation.", text, StringComparison.Ordinal);
        Assert.Contains("Vous recevrez un remboursement de 500,00\u00A0€.", text, StringComparison.Ordinal);
        Assert.Contains(
            "Vous recevrez par des e-mails séparés l'avoir qui annule nos factures, ainsi que la facture de l'indemnité d'annulation.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Changement de plans", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Motif", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Claire Admin", text, StringComparison.Ordinal);
        Assert.Contains($"Ouvrir votre espace client : {Base}/espace/Tk-cancel_1", text, StringComparison.Ordinal);
        Assert.Contains("Bien cordialement,\nChalet des Mélèzes\n+33 6 00 00 00 03\nreservation@chalet-melezes.test", text, StringComparison.Ordinal);

        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == request.RequestId && e.Kind == "CaseCancelled");
        Assert.Equal(request.RequestId, sent.CaseId);
    }

    [Fact]
    public async Task CancelledByTheOrganisation_GivesItsReason_AndAnAdminsAmountIsNotCalledTheTerms()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.us@example.fr", "Tk-cancel-us");
        var cancelled = Cancelled(request.RequestId, "Organisation", "Fermeture du chalet pour travaux", retainedCents: 10000, refundCents: 27037)
            with { OverrideReason = "Geste commercial validé par la direction" };

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.us@example.fr", "Votre réservation");
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Nous avons annulé votre réservation (devis DEV-2026-00042) à notre initiative.", text, StringComparison.Ordinal);
        Assert.Contains("Motif : Fermeture du chalet pour travaux", text, StringComparison.Ordinal);
        Assert.Contains("Nous conservons 100,00\u00A0€ au titre de l'indemnité d'annulation.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("conditions d'annulation", text, StringComparison.Ordinal);
        Assert.DoesNotContain("Geste commercial", text, StringComparison.Ordinal);
        Assert.Contains("Vous recevrez un remboursement de 270,37\u00A0€.", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task EventInEnglish_WinsOverTheCasesFrench_AndTheEmailIsInEnglish()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.en@example.co.uk", "Tk-cancel-en", "John Smith");
        var cancelled = Cancelled(request.RequestId, "Organisation", "Avalanche risk: the road is closed", retainedCents: 25000, refundCents: 50000)
            with { Language = "en" };

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.en@example.co.uk", "Your booking");
        Assert.Equal("Your booking DEV-2026-00042 is cancelled — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Hello John Smith,", text, StringComparison.Ordinal);
        Assert.Contains("We have cancelled your booking (quote DEV-2026-00042) on our initiative.", text, StringComparison.Ordinal);
        Assert.Contains("Reason: Avalanche risk: the road is closed", text, StringComparison.Ordinal);
        Assert.Contains("Under our cancellation terms, we keep €250.00 as a cancellation fee.", text, StringComparison.Ordinal);
        Assert.Contains("You will receive a refund of €500.00.", text, StringComparison.Ordinal);
        Assert.Contains("the credit note that cancels our invoices, and the invoice for the cancellation fee.", text, StringComparison.Ordinal);
        Assert.Contains($"Open your customer space: {Base}/espace/Tk-cancel-en", text, StringComparison.Ordinal);
        Assert.Contains("Kind regards,", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingKept_AllIsRefunded_AndNoIndemnityIsMentioned()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.nothing.kept@example.fr", "Tk-cancel-free");
        var cancelled = Cancelled(request.RequestId, "Customer", "Empêchement", retainedCents: 0, refundCents: 123456);

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.nothing.kept@example.fr", "Votre réservation");
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Matches(new System.Text.RegularExpressions.Regex("Vous recevrez un remboursement de 1[\u00A0\u202F ]234,56\u00A0€\\."), text);
        Assert.Contains("Vous recevrez par un e-mail séparé l'avoir qui annule nos factures.", text, StringComparison.Ordinal);
        Assert.DoesNotContain("indemnité", text, StringComparison.Ordinal);
        Assert.DoesNotContain("conservons", text, StringComparison.Ordinal);
    }

    [Fact]
    public async Task NothingPaid_SaysThereIsNothingToRefund_AndAnnouncesNoDocument()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.unpaid@example.fr", "Tk-cancel-unpaid");

        await factory.Harness.Bus.Publish(Cancelled(request.RequestId, "Customer", "Empêchement", 0, 0), c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.unpaid@example.fr", "Votre réservation");
        Assert.Contains("Aucun paiement n'avait été effectué pour cette réservation : il n'y a rien à rembourser.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("avoir", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Vous recevrez", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SameCancellationTwice_AndUnderAnotherMessageId_SendsOneEmail()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.once@example.fr", "Tk-cancel-once");
        var cancelled = Cancelled(request.RequestId, "Customer", "Empêchement", 25000, 50000);
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("notification-case-cancelled");

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = messageId);
        await Payments.EmailAsync(factory, "cancel.once@example.fr", "Votre réservation");
        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = messageId);
        // The case cancelled "again" under another id (it never should be): a case is cancelled once, emailed once.
        var another = Guid.NewGuid();
        await factory.Harness.Bus.Publish(cancelled with { OccurredAt = cancelled.OccurredAt.AddMinutes(1) }, c => c.MessageId = another);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(15)));
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", another) == 1,
            TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "cancel.once@example.fr", "Votre réservation"));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0 AND \"Kind\" = 'CaseCancelled'", request.RequestId));
    }

    [Fact]
    public async Task HostileReason_IsEncodedInTheHtmlPart()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.xss@example.fr", "Tk-cancel-xss");
        var cancelled = Cancelled(request.RequestId, "Organisation", "<script>alert('x')</script>\n<img src=x onerror=alert(1)>", 0, 37037);

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.xss@example.fr", "Votre réservation");
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.DoesNotContain("<img", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Motif : &lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Motif : <script>alert('x')</script>\n<img src=x onerror=alert(1)>", email.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseWithoutItsSpaceToken_IsEmailedWithoutTheLink_WithoutWaitingForIt()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cancel.no.token@example.fr", "unused");
        await factory.ExecuteAsync($"UPDATE cases SET \"CustomerSpaceToken\" = NULL, \"TokenChangedAt\" = NULL WHERE \"RequestId\" = '{request.RequestId}'");
        var clock = Stopwatch.StartNew();

        await factory.Harness.Bus.Publish(Cancelled(request.RequestId, "Customer", "Empêchement", 0, 37037), c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cancel.no.token@example.fr", "Votre réservation");
        // The retries waiting for a case last 9.2 s in all: the email went before them.
        Assert.True(clock.Elapsed < TimeSpan.FromSeconds(8), $"The email took {clock.Elapsed}.");
        Assert.DoesNotContain("/espace/", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("espace client", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CancellationOfACaseNeverKnown_IsLoggedFailedWithTheReason_AfterTheRetries()
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        var cancelled = Cancelled(Guid.CreateVersion7(), "Customer", "Empêchement", 25000, 50000);

        await factory.Harness.Bus.Publish(cancelled, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.RegardingId == cancelled.RequestId);
        Assert.Equal("CaseCancelled", failed.Kind);
        Assert.Equal(cancelled.RequestId, failed.CaseId);
        Assert.Contains("adresse e-mail du client n'est pas connue", failed.Reason, StringComparison.Ordinal);
        Assert.Contains("DEV-2026-00042", failed.Reason, StringComparison.Ordinal);
    }

    private static CaseCancelled Cancelled(Guid requestId, string requestedBy, string reason, long retainedCents, long refundCents) => new()
    {
        OrganisationId = Organisation,
        OccurredAt = new DateTimeOffset(2026, 12, 4, 10, 0, 0, TimeSpan.Zero),
        RequestId = requestId,
        QuoteId = Guid.CreateVersion7(),
        QuoteNumber = "DEV-2026-00042",
        RequestedBy = requestedBy,
        Reason = reason,
        DaysBeforeArrival = 20,
        RetainedCents = retainedCents,
        RefundCents = refundCents,
        StaffName = "Claire Admin",
        Language = "fr",
    };
}
