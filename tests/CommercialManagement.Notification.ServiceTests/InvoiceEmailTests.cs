using CommercialManagement.Contracts.Notification;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.IdentityModel.JsonWebTokens;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The invoice and credit note emails: to the customer, with the PDF the Payment service gives, once per invoice.</summary>
public sealed class InvoiceEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();
    private const string Base = NotificationFactory.PublicBaseUrl;

    [Fact]
    public async Task DepositInvoice_IsEmailedToTheCustomer_WithItsPdfFromPayment_TheAmountTheDateAndTheCaseLink()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "invoice@example.fr", "Tk-invoice_1");
        var invoice = Invoice(request.RequestId, "invoice@example.fr");

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "invoice@example.fr", "Votre facture");
        Assert.Equal("Votre facture d'acompte FA-2026-00042 — Chalet des Mélèzes", email.Subject);
        Assert.Equal("Chalet des Mélèzes", email.From.Mailboxes.Single().Name);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Bonjour Élodie Müller,", text, StringComparison.Ordinal);
        Assert.Contains(
            "notre facture d'acompte FA-2026-00042 du 1er décembre 2026, d'un montant de 370,37\u00A0€ : l'acompte que vous avez versé pour votre réservation.",
            text, StringComparison.Ordinal);
        Assert.Contains("La facture est jointe à cet e-mail au format PDF ; conservez-la.", text, StringComparison.Ordinal);
        Assert.Contains($"Ouvrir votre espace client : {Base}/espace/Tk-invoice_1", text, StringComparison.Ordinal);
        Assert.Contains("Chalet des Mélèzes\n+33 6 00 00 00 03\nreservation@chalet-melezes.test", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{Base}/espace/Tk-invoice_1\"", email.HtmlBody, StringComparison.Ordinal);

        var pdf = Assert.Single(email.Attachments.OfType<MimePart>());
        Assert.Equal("FA-2026-00042.pdf", pdf.FileName);
        Assert.True(pdf.ContentType.IsMimeType("application", "pdf"));
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        Assert.Equal(StandInDocumentService.Pdf(invoice.InvoiceId), bytes.ToArray());
        Assert.Empty(factory.Quote.RequestsFor(invoice.InvoiceId));

        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == invoice.InvoiceId);
        Assert.Equal("InvoiceIssued", sent.Kind);
        Assert.Equal(request.RequestId, sent.CaseId);
    }

    [Fact]
    public async Task PdfRequest_GoesToPaymentsInvoiceRoute_WithADocumentTokenOfTheInvoicesOrganisation()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "invoice.token@example.fr", "Tk-invoice-token");
        var invoice = Invoice(request.RequestId, "invoice.token@example.fr", "Final");

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());
        await Payments.EmailAsync(factory, "invoice.token@example.fr", "Votre facture");

        var asked = Assert.Single(factory.Payment.RequestsFor(invoice.InvoiceId));
        Assert.Equal("payment-api", asked.Uri.Host);
        Assert.Equal("", asked.Uri.Query);
        Assert.Equal("Bearer", asked.Authorization?.Scheme);
        var validated = await new JsonWebTokenHandler().ValidateTokenAsync(asked.Authorization!.Parameter, StaffTokenOptions.ValidationParameters(
            factory.Tokens.NotificationVerificationKey, DocumentTokenIssuer.Audience, DocumentTokenIssuer.Issuer));
        Assert.True(validated.IsValid, validated.Exception?.Message);
        Assert.Equal(Organisation.ToString(), validated.Claims[StaffClaims.OrganisationId]);
        Assert.Equal(StaffClaims.ServiceRole, validated.Claims[StaffClaims.Role]);
        Assert.Equal("Notification", validated.Claims[StaffClaims.Name]);
    }

    [Fact]
    public async Task SameEventTwice_SendsOneEmail_AndAsksForThePdfOnce()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "invoice.once@example.fr", "Tk-invoice-once");
        var invoice = Invoice(request.RequestId, "invoice.once@example.fr");
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = messageId);
        await Payments.EmailAsync(factory, "invoice.once@example.fr", "Votre facture");
        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = messageId);
        // The same invoice published again under another id (it never should be) is not emailed twice either.
        var another = Guid.NewGuid();
        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = another);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", another) == 1,
            TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Equal(1, Payments.Count(factory, "invoice.once@example.fr", "Votre facture"));
        Assert.Single(factory.Payment.RequestsFor(invoice.InvoiceId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0", invoice.InvoiceId));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM email_attachments a JOIN emails e ON e.\"Id\" = a.\"EmailId\" WHERE e.\"RegardingId\" = @p0 AND a.\"Source\" = 'Invoice'",
            invoice.InvoiceId));
    }

    [Fact]
    public async Task CreditNote_IsEmailedAsAnAvoir_NamingTheInvoiceItCorrects()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "credit.note@example.fr", "Tk-credit");
        var creditNote = Invoice(request.RequestId, "credit.note@example.fr", "CreditNote", 12000) with
        {
            Number = "AV-2026-00003", CorrectsNumber = "FA-2026-00042", IssueDate = new DateOnly(2026, 12, 4),
        };

        await factory.Harness.Bus.Publish(creditNote, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "credit.note@example.fr", "Votre avoir");
        Assert.Equal("Votre avoir AV-2026-00003 — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains(
            "Veuillez trouver ci-joint notre avoir AV-2026-00003 du 4 décembre 2026, d'un montant de 120,00\u00A0€, qui corrige la facture FA-2026-00042.",
            text, StringComparison.Ordinal);
        Assert.Contains("L'avoir est joint à cet e-mail au format PDF ; conservez-le.", text, StringComparison.Ordinal);
        Assert.Equal("AV-2026-00003.pdf", Assert.Single(email.Attachments.OfType<MimePart>()).FileName);
    }

    [Fact]
    public async Task EnglishCustomer_GetsTheFinalInvoiceInEnglish()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "john.invoice@example.co.uk", "Tk-invoice-en", "John Smith", "en");
        var invoice = Invoice(request.RequestId, "john.invoice@example.co.uk", "Final", 123456) with
        {
            Number = "FA-2026-00043", CustomerName = "John Smith", Language = "en",
        };

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "john.invoice@example.co.uk", "Your invoice");
        Assert.Equal("Your invoice FA-2026-00043 — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!;
        Assert.Contains("Hello John Smith,", text, StringComparison.Ordinal);
        Assert.Contains("Please find attached our invoice FA-2026-00043 of 1 December 2026, for €1,234.56.", text, StringComparison.Ordinal);
        Assert.Contains("The invoice is attached to this email as a PDF; please keep it. You will also find it in your customer space.", text, StringComparison.Ordinal);
        Assert.Contains($"Open your customer space: {Base}/espace/Tk-invoice-en", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("FA-2026-00043.pdf", Assert.Single(email.Attachments.OfType<MimePart>()).FileName);
    }

    [Fact]
    public async Task EnglishCreditNote_NamesTheInvoiceItCorrects()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "john.credit@example.co.uk", "Tk-credit-en", "John Smith", "en");
        var creditNote = Invoice(request.RequestId, "john.credit@example.co.uk", "CreditNote", 5000) with
        {
            Number = "AV-2026-00004", CorrectsNumber = "FA-2026-00043", CustomerName = "John Smith", Language = "en",
        };

        await factory.Harness.Bus.Publish(creditNote, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "john.credit@example.co.uk", "Your credit note");
        Assert.Equal("Your credit note AV-2026-00004 — Chalet des Mélèzes", email.Subject);
        Assert.Contains(
            "Please find attached our credit note AV-2026-00004 of 1 December 2026, for €50.00, which corrects invoice FA-2026-00043.",
            email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvoiceBeforeItsCase_IsSentAtOnceWithoutTheLink()
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", Organisation) == 1,
            TimeSpan.FromSeconds(15)));
        var invoice = Invoice(Guid.CreateVersion7(), "no.case.invoice@example.fr");

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());

        // Not held for the case (no retries): the PDF is the document.
        var email = await Payments.EmailAsync(factory, "no.case.invoice@example.fr", "Votre facture", TimeSpan.FromSeconds(10));
        Assert.DoesNotContain("/espace/", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("espace client", email.TextBody, StringComparison.Ordinal);
        Assert.Single(email.Attachments);
    }

    [Fact]
    public async Task InvoiceWithoutTheCustomersAddress_IsLoggedFailedWithTheReason_AndNoPdfIsAskedFor()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "invoice.no.address@example.fr", "Tk-invoice-no-address");
        var invoice = Invoice(request.RequestId, " ");

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.RegardingId == invoice.InvoiceId);
        Assert.Equal("InvoiceIssued", failed.Kind);
        Assert.Equal(request.RequestId, failed.CaseId);
        Assert.Contains("La facture FA-2026-00042 n'indique pas l'adresse e-mail du client", failed.Reason, StringComparison.Ordinal);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Empty(factory.Payment.RequestsFor(invoice.InvoiceId));
    }

    [Fact]
    public async Task InvoiceUnknownToThePaymentService_TheEmailIsLoggedFailedAtOnce_AndNeverSent()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "invoice.unknown@example.fr", "Tk-invoice-unknown");
        var invoice = Invoice(request.RequestId, "invoice.unknown@example.fr");
        factory.Payment.DoesNotKnow(invoice.InvoiceId);

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(f => f.RegardingId == invoice.InvoiceId);
        Assert.Contains("The Payment service does not know invoice FA-2026-00042", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, failed.Attempts);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Payment.RequestsFor(invoice.InvoiceId));
        Assert.Equal(0, Payments.Count(factory, "invoice.unknown@example.fr", "Votre facture"));
    }

    [Fact]
    public async Task PaymentServiceDown_TheEmailIsRetried_ThenSentOnceWithItsPdf()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "invoice.down@example.fr", "Tk-invoice-down");
        var invoice = Invoice(request.RequestId, "invoice.down@example.fr");
        // More failures than one fetch's HTTP attempts (1 + 3): the email itself has to be tried again.
        factory.Payment.DownFor(invoice.InvoiceId, 6);

        await factory.Harness.Bus.Publish(invoice, c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "invoice.down@example.fr", "Votre facture");
        using var bytes = new MemoryStream();
        await Assert.Single(email.Attachments.OfType<MimePart>()).Content!.DecodeToAsync(bytes);
        Assert.Equal(StandInDocumentService.Pdf(invoice.InvoiceId), bytes.ToArray());
        Assert.Equal(7, factory.Payment.RequestsFor(invoice.InvoiceId).Count);
        Assert.Equal(1, Payments.Count(factory, "invoice.down@example.fr", "Votre facture"));
    }

    [Fact]
    public async Task HostileCustomerName_IsEncodedInTheHtmlPart()
    {
        var request = await Payments.KnowTheCaseAsync(factory, Organisation, "xss.invoice@example.fr", "Tk-invoice-xss");

        await factory.Harness.Bus.Publish(
            Invoice(request.RequestId, "xss.invoice@example.fr") with { CustomerName = "Eve <script>alert('x')</script>" },
            c => c.MessageId = Guid.NewGuid());

        var email = await Payments.EmailAsync(factory, "xss.invoice@example.fr", "Votre facture");
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Eve &lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>An invoice as the Payment service publishes it: a deposit invoice of 370,37 € issued on 1 December 2026.</summary>
    private static InvoiceIssued Invoice(Guid requestId, string email, string kind = "Deposit", long amountCents = 37037) => new()
    {
        OrganisationId = Organisation,
        OccurredAt = DateTimeOffset.UtcNow,
        RequestId = requestId,
        InvoiceId = Guid.CreateVersion7(),
        Number = "FA-2026-00042",
        Kind = kind,
        IssueDate = new DateOnly(2026, 12, 1),
        AmountCents = amountCents,
        CustomerName = "Élodie Müller",
        CustomerEmail = email,
        Language = "fr",
    };
}
