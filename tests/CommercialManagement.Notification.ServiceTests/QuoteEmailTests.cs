using System.Text.RegularExpressions;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.IdentityModel.JsonWebTokens;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class QuoteEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task SentQuote_IsEmailedWithItsPdfAttached_TheTotalTheValidityAndTheCaseLink()
    {
        var request = await KnowTheCaseAsync("quote@example.fr", "Tk-quote_1");
        var quote = Events.Quote(Organisation, request.RequestId, "quote@example.fr");

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("quote@example.fr");
        Assert.Equal("Votre devis DEV-2026-00042 — Chalet des Mélèzes", email.Subject);
        Assert.Equal("Chalet des Mélèzes", email.From.Mailboxes.Single().Name);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains("Bonjour Élodie Müller,", text, StringComparison.Ordinal);
        Assert.Matches(new Regex("notre devis DEV-2026-00042, d'un montant total de 1[\u00A0\u202F ]234,56\u00A0€ TTC\\."), text);
        Assert.Contains("Il est valable jusqu'au 13 février 2027.", text, StringComparison.Ordinal);
        Assert.Contains($"Consulter et accepter le devis : {NotificationFactory.PublicBaseUrl}/espace/Tk-quote_1", text, StringComparison.Ordinal);
        Assert.Contains("Chalet des Mélèzes\n+33 6 00 00 00 03\nreservation@chalet-melezes.test", text, StringComparison.Ordinal);
        Assert.Contains($"href=\"{NotificationFactory.PublicBaseUrl}/espace/Tk-quote_1\"", email.HtmlBody, StringComparison.Ordinal);

        var pdf = Assert.Single(email.Attachments.OfType<MimePart>());
        Assert.Equal("DEV-2026-00042.pdf", pdf.FileName);
        Assert.True(pdf.ContentType.IsMimeType("application", "pdf"));
        using var bytes = new MemoryStream();
        await pdf.Content!.DecodeToAsync(bytes);
        Assert.Equal(StandInDocumentService.Pdf(quote.QuoteId), bytes.ToArray());

        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == quote.QuoteId);
        Assert.Equal("QuoteSent", sent.Kind);
        Assert.Equal(request.RequestId, sent.CaseId);
    }

    [Fact]
    public async Task SentAmendment_IsEmailedAsAChangeToTheOrder_WithTheNewAndTheAcceptedTotal_AndTheVersionsPdf()
    {
        var request = await KnowTheCaseAsync("amend@example.fr", "Tk-amend");
        var quote = Events.Quote(Organisation, request.RequestId, "amend@example.fr", version: 2) with { PreviousTotalCents = 100_000 };

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("amend@example.fr");
        Assert.Equal("Modification de votre commande DEV-2026-00042 — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Matches(new Regex("modification de votre commande DEV-2026-00042 \\(version 2, ci-jointe\\) : son nouveau total est de 1[\u00A0\u202F ]234,56\u00A0€ TTC, au lieu de 1[\u00A0\u202F ]000,00\u00A0€\\."), text);
        Assert.Contains("Vos paiements déjà faits restent acquis", text, StringComparison.Ordinal);
        Assert.Contains($"Consulter et accepter la modification : {NotificationFactory.PublicBaseUrl}/espace/Tk-amend", text, StringComparison.Ordinal);
        Assert.Single(email.Attachments.OfType<MimePart>());
        Assert.Equal("?version=2", Assert.Single(factory.Quote.RequestsFor(quote.QuoteId)).Uri.Query);
    }

    [Fact]
    public async Task PdfRequest_CarriesADocumentTokenOfTheQuotesOrganisation_SignedWithNotificationsKey_AndAsksForTheVersionSent()
    {
        var request = await KnowTheCaseAsync("token@example.fr", "Tk-token");
        var quote = Events.Quote(Organisation, request.RequestId, "token@example.fr", version: 3);

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());
        await QuoteEmailAsync("token@example.fr");

        var asked = Assert.Single(factory.Quote.RequestsFor(quote.QuoteId));
        Assert.Equal("quote-api", asked.Uri.Host);
        Assert.Equal("?version=3", asked.Uri.Query);
        Assert.Equal("Bearer", asked.Authorization?.Scheme);
        var handler = new JsonWebTokenHandler();
        var validated = await handler.ValidateTokenAsync(asked.Authorization!.Parameter, StaffTokenOptions.ValidationParameters(
            factory.Tokens.NotificationVerificationKey, DocumentTokenIssuer.Audience, DocumentTokenIssuer.Issuer));
        Assert.True(validated.IsValid, validated.Exception?.Message);
        // Not a staff token: signed with Notification's key, not the gateway's, for the documents only.
        var asStaff = await handler.ValidateTokenAsync(asked.Authorization.Parameter, StaffTokenOptions.ValidationParameters(
            factory.Tokens.GatewayVerificationKey, StaffTokenOptions.ServicesAudience));
        Assert.False(asStaff.IsValid);
        Assert.Equal(Organisation.ToString(), validated.Claims[StaffClaims.OrganisationId]);
        Assert.Equal(StaffClaims.ServiceRole, validated.Claims[StaffClaims.Role]);
        Assert.Equal("Notification", validated.Claims[StaffClaims.Name]);
    }

    [Fact]
    public async Task SameEventTwice_SendsOneEmail_AndAsksForThePdfOnce()
    {
        var request = await KnowTheCaseAsync("quote.once@example.fr", "Tk-once");
        var quote = Events.Quote(Organisation, request.RequestId, "quote.once@example.fr");
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("notification-quote-sent");

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = messageId);
        await QuoteEmailAsync("quote.once@example.fr");
        await factory.Harness.Bus.Publish(quote, c => c.MessageId = messageId);
        // The same version published again under another id (it never should be) is not emailed twice either.
        var another = Guid.NewGuid();
        await factory.Harness.Bus.Publish(quote, c => c.MessageId = another);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(15)));
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", another) == 1,
            TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "quote.once@example.fr"));
        Assert.Single(factory.Quote.RequestsFor(quote.QuoteId));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM email_attachments a JOIN emails e ON e.\"Id\" = a.\"EmailId\" WHERE e.\"RegardingId\" = @p0", quote.QuoteId));
    }

    [Fact]
    public async Task NewVersionSentLater_GetsItsOwnEmail()
    {
        var request = await KnowTheCaseAsync("versions@example.fr", "Tk-versions");
        var first = Events.Quote(Organisation, request.RequestId, "versions@example.fr");
        var second = first with { Version = 2, TotalCents = 99000, OccurredAt = first.OccurredAt.AddHours(1) };

        await factory.Harness.Bus.Publish(first, c => c.MessageId = Guid.NewGuid());
        await QuoteEmailAsync("versions@example.fr");
        await factory.Harness.Bus.Publish(second, c => c.MessageId = Guid.NewGuid());

        var later = await factory.ReceivedAsync(
            m => m.To.Mailboxes.Any(b => b.Address == "versions@example.fr") && m.TextBody!.Contains("version 2", StringComparison.Ordinal), "of version 2");
        Assert.Contains("(version 2, qui remplace la précédente)", later.TextBody, StringComparison.Ordinal);
        Assert.Single(later.Attachments);
        Assert.Equal(2, factory.Received().Count(m => m.To.Mailboxes.Any(b => b.Address == "versions@example.fr")));
        Assert.Equal(2, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0 AND \"Kind\" = 'QuoteSent'", first.QuoteId));
    }

    [Fact]
    public async Task EnglishCustomer_GetsTheQuoteInEnglish()
    {
        var request = await KnowTheCaseAsync("john.quote@example.co.uk", "Tk-english");

        await factory.Harness.Bus.Publish(
            Events.Quote(Organisation, request.RequestId, "john.quote@example.co.uk", language: "en") with { CustomerName = "John Smith" },
            c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("john.quote@example.co.uk");
        Assert.Equal("Your quote DEV-2026-00042 — Chalet des Mélèzes", email.Subject);
        var text = email.TextBody!;
        Assert.Contains("Hello John Smith,", text, StringComparison.Ordinal);
        Assert.Contains("Please find attached our quote DEV-2026-00042, for a total of €1,234.56 including VAT.", text, StringComparison.Ordinal);
        Assert.Contains("It is valid until 13 February 2027.", text, StringComparison.Ordinal);
        Assert.Contains($"Read and accept the quote: {NotificationFactory.PublicBaseUrl}/espace/Tk-english", text, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("DEV-2026-00042.pdf", Assert.Single(email.Attachments.OfType<MimePart>()).FileName);
    }

    [Fact]
    public async Task CustomerName_IsEncodedInTheHtmlPart()
    {
        var request = await KnowTheCaseAsync("xss.quote@example.fr", "Tk-xss");

        await factory.Harness.Bus.Publish(
            Events.Quote(Organisation, request.RequestId, "xss.quote@example.fr") with { CustomerName = "Eve <script>alert('x')</script>" },
            c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("xss.quote@example.fr");
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Eve &lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
    }

    /// <summary>The organisation known, and a phone case (no acknowledgement email) with its customer-space token.</summary>
    private async Task<RequestReceived> KnowTheCaseAsync(string email, string token)
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        var request = Events.Request(Organisation, email, channel: RequestChannel.Phone) with { CustomerSpaceToken = token };
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", Organisation) == 1
                && await factory.CountAsync("SELECT count(*) FROM cases WHERE \"RequestId\" = @p0", request.RequestId) == 1,
            TimeSpan.FromSeconds(15)));
        return request;
    }

    private Task<MimeMessage> QuoteEmailAsync(string email) =>
        factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == email), $"with the quote to {email}");
}
