using System.Text.RegularExpressions;
using CommercialManagement.Contracts.Notification;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>What the payment emails say, to whom, in which language.</summary>
public sealed class PaymentEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private const string Base = NotificationFactory.PublicBaseUrl;

    [Fact]
    public async Task PaymentRequested_IsEmailedToTheCustomer_WithTheAmountTheQuoteWhatIsPaidTheExpiryInParisAndThePayLink()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "pay.request@example.fr", "Tk-pay_1");
        var asked = Payments.Requested(Organisation, request.RequestId);

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "pay.request@example.fr", "Demande de paiement");
        Assert.Equal("Demande de paiement : acompte de 370,37\u00A0€ — Chalet des Mélèzes", email.Subject);
        Assert.Equal("Chalet des Mélèzes", email.From.Mailboxes.Single().Name);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Bonjour Élodie Müller,", text, StringComparison.Ordinal);
        Assert.Contains("régler l'acompte de votre réservation (devis DEV-2026-00042) : 370,37\u00A0€.", text, StringComparison.Ordinal);
        Assert.Matches(new Regex("Déjà réglé : 0,00\u00A0€ sur un total de 1[\u00A0\u202F ]234,56\u00A0€ TTC\\."), text);
        Assert.Contains("valable jusqu'au 6 décembre 2026 à 10:05 (heure de Paris).", text, StringComparison.Ordinal);
        var link = $"{Base}/espace/Tk-pay_1/payer/{asked.PaymentRequestId}";
        Assert.Contains($"Payer 370,37\u00A0€ : {link}", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Matches(new Regex(">Payer 370,37(\u00A0|&#xA0;|&nbsp;)€</a>"), email.HtmlBody);

        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == asked.PaymentRequestId);
        Assert.Equal("PaymentRequested", sent.Kind);
        Assert.Equal(request.RequestId, sent.CaseId);
    }

    [Fact]
    public async Task OfflinePaymentTypedInLater_ReceiptCarriesTheDayTheMoneyCameIn()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "cheque@example.fr", "Tk-cheque");
        var payment = Payments.Received(Organisation, request.RequestId, method: "Cheque") with { ReceivedOn = new DateOnly(2026, 11, 27) };

        await factory.Harness.Bus.Publish(payment, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "cheque@example.fr", "Reçu de paiement");
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Date : 27 novembre 2026\nMoyen de paiement : Chèque", text, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("Balance", "solde", "le solde")]
    [InlineData("Full", "totalité", "la totalité")]
    public async Task PaymentRequested_NamesTheKindInFrench(string kind, string noun, string phrase)
    {
        var address = $"pay.{kind.ToLowerInvariant()}@example.fr";
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, address, $"Tk-{kind}");

        await factory.Harness.Bus.Publish(Payments.Requested(Organisation, request.RequestId, kind, 86419, 37037), c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, address, "Demande de paiement");
        Assert.Equal($"Demande de paiement : {noun} de 864,19\u00A0€ — Chalet des Mélèzes", email.Subject);
        Assert.Contains($"régler {phrase} de votre réservation", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Déjà réglé : 370,37\u00A0€", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentReceived_SendsAReceipt_WithTheMethodTheParisDayWhatIsPaidAndWhatRemains()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "receipt@example.fr", "Tk-receipt");
        var payment = Payments.Received(Organisation, request.RequestId);

        await factory.Harness.Bus.Publish(payment, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "receipt@example.fr", "Reçu de paiement");
        Assert.Equal("Reçu de paiement : 370,37\u00A0€ — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Nous avons bien reçu votre paiement, merci.", text, StringComparison.Ordinal);
        Assert.Contains("Montant : 370,37\u00A0€ (acompte)\nDate : 30 novembre 2026\nMoyen de paiement : Carte bancaire", text, StringComparison.Ordinal);
        Assert.Matches(new Regex("Réglé à ce jour : 370,37\u00A0€ sur 1[\u00A0\u202F ]234,56\u00A0€ TTC\\.\nReste à régler : 864,19\u00A0€"), text);
        Assert.Contains($"Ouvrir votre espace client : {Base}/espace/Tk-receipt", text, StringComparison.Ordinal);
        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == payment.PaymentId);
        Assert.Equal("PaymentReceipt", sent.Kind);
    }

    [Theory]
    [InlineData("BankTransfer", "Virement")]
    [InlineData("Cheque", "Chèque")]
    [InlineData("HolidayVouchers", "Chèques vacances")]
    [InlineData("Cash", "Espèces")]
    public async Task PaymentReceived_OfTheBalance_SaysTheMethodAndThatAllIsPaid(string method, string label)
    {
        var address = $"receipt.{method.ToLowerInvariant()}@example.fr";
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, address, $"Tk-{method}");

        await factory.Harness.Bus.Publish(
            Payments.Received(Organisation, request.RequestId, 86419, 123456, method, "Balance"), c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, address, "Reçu de paiement");
        Assert.Contains($"Moyen de paiement : {label}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("(solde)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Votre réservation est entièrement réglée.", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Reste à régler", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task PaymentRefunded_SendsARefundNotice_WithTheAmountTheDayAndTheSpace()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "refund@example.fr", "Tk-refund");
        var refund = Payments.Refunded(Organisation, request.RequestId);

        await factory.Harness.Bus.Publish(refund, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "refund@example.fr", "Remboursement");
        Assert.Equal("Remboursement de 100,00\u00A0€ — Chalet des Mélèzes", email.Subject);
        Assert.Contains("un remboursement de 100,00\u00A0€, effectué le 1er décembre 2026", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"{Base}/espace/Tk-refund", email.TextBody, StringComparison.Ordinal);
        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == refund.RefundId);
        Assert.Equal("PaymentRefund", sent.Kind);
    }

    [Fact]
    public async Task EnglishCustomer_GetsThePaymentEmailsInEnglish()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "john.pay@example.co.uk", "Tk-en", "John Smith", "en");
        var asked = Payments.Requested(Organisation, request.RequestId);

        await factory.Harness.Bus.Publish(asked, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Payments.Received(Organisation, request.RequestId), c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "john.pay@example.co.uk", "Payment request");
        Assert.Equal("Payment request: deposit of €370.37 — Chalet des Mélèzes", email.Subject);
        Assert.Contains("Hello John Smith,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("pay the deposit of your booking (quote DEV-2026-00042): €370.37.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Paid so far: €0.00 of a total of €1,234.56 including VAT.", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("valid until 6 December 2026 at 10:05 (Paris time).", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Pay €370.37: {Base}/espace/Tk-en/payer/{asked.PaymentRequestId}", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", email.HtmlBody, StringComparison.Ordinal);
        var receipt = await Payments.EmailAsync(factory, "john.pay@example.co.uk", "Payment receipt");
        Assert.Contains("Payment method: Card", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Date: 30 November 2026", receipt.TextBody, StringComparison.Ordinal);
        Assert.Contains("Remaining: €864.19", receipt.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task HostileCustomerName_IsEncodedInTheHtmlPart()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "xss.pay@example.fr", "Tk-xss", "Eve <script>alert('x')</script>");

        await factory.Harness.Bus.Publish(Payments.Requested(Organisation, request.RequestId), c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Payments.Received(Organisation, request.RequestId), c => c.MessageId = Guid.NewGuid());

        foreach (var subject in new[] { "Demande de paiement", "Reçu de paiement" })
        {
            var email = await Payments.EmailAsync(factory, "xss.pay@example.fr", subject);
            Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("Bonjour Eve &lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
            Assert.Contains("Bonjour Eve <script>alert('x')</script>,", email.TextBody, StringComparison.Ordinal);
        }
    }
}
