using CommercialManagement.Contracts.Notification;
using CommercialManagement.Contracts.Payment;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The payment schedule's reminders (issue 17): what they say, the « Payer » link, one email per request and step.</summary>
public sealed class PaymentReminderEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task BeforeDue_ThenOverdue_EachOneEmail_WithTheAmountTheDateAndThePayLink_NeverTwice()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "relance@example.fr", "Tk-remind");
        var before = Reminder(request.RequestId, "BeforeDue", "J-3");

        await factory.Harness.Bus.Publish(before, c => c.MessageId = Guid.NewGuid());
        var email = await Payments.EmailAsync(factory, "relance@example.fr", "Rappel de paiement");
        Assert.Equal("Rappel de paiement : solde de 700,00\u00A0€ — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Nous vous rappelons que le solde de votre réservation (devis DEV-2026-00042), 700,00\u00A0€, est à régler au plus tard le 7 janvier 2027.",
            text, StringComparison.Ordinal);
        Assert.Contains($"Payer 700,00\u00A0€ : {NotificationFactory.PublicBaseUrl}/espace/Tk-remind/payer/{before.PaymentRequestId}", text, StringComparison.Ordinal);

        // The same reminder again (another message id): nothing more; the J+1 of the same request: its own email.
        await factory.Harness.Bus.Publish(before, c => c.MessageId = Guid.NewGuid());
        var overdue = before with { Step = "FirstOverdue", Label = "J+1" };
        await factory.Harness.Bus.Publish(overdue, c => c.MessageId = Guid.NewGuid());
        var late = await Payments.EmailAsync(factory, "relance@example.fr", "Rappel : solde");
        Assert.Contains("était attendu pour le 7 janvier 2027 et ne nous est pas encore parvenu.", late.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == before.PaymentRequestId && e.Kind == "PaymentReminderFirstOverdue");
        Assert.Equal(request.RequestId, sent.CaseId);
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, Payments.Count(factory, "relance@example.fr", "Rappel de paiement"));
    }

    private static PaymentReminderDue Reminder(Guid requestId, string step, string label) => new()
    {
        OrganisationId = Organisation, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, PaymentRequestId = Guid.CreateVersion7(),
        QuoteNumber = "DEV-2026-00042", Kind = "Balance", Step = step, Label = label, DueOn = new DateOnly(2027, 1, 7), AmountCents = 70_000,
        AcceptedTotalCents = 100_000, PaidCents = 30_000, ExpiresAt = new DateTimeOffset(2027, 2, 5, 23, 0, 0, TimeSpan.Zero),
    };
}
