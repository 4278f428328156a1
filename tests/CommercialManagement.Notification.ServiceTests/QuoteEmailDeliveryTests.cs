using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The quote email when things arrive out of order, the link is renewed, or the Quote service fails.</summary>
public sealed class QuoteEmailDeliveryTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    [Fact]
    public async Task QuoteServiceDown_TheEmailIsRetried_ThenSentOnceWithItsPdf()
    {
        var request = await KnowTheCaseAsync("down@example.fr", "Tk-down");
        var quote = Events.Quote(Organisation, request.RequestId, "down@example.fr");
        // More failures than one fetch's HTTP attempts (1 + 3): the email itself has to be tried again.
        factory.Quote.DownFor(quote.QuoteId, 6);

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("down@example.fr");
        using var bytes = new MemoryStream();
        await Assert.Single(email.Attachments.OfType<MimePart>()).Content!.DecodeToAsync(bytes);
        Assert.Equal(StandInDocumentService.Pdf(quote.QuoteId), bytes.ToArray());
        Assert.Equal(7, factory.Quote.RequestsFor(quote.QuoteId).Count);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0", quote.QuoteId));
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM email_attachments a JOIN emails e ON e.\"Id\" = a.\"EmailId\" WHERE e.\"RegardingId\" = @p0", quote.QuoteId));
    }

    [Fact]
    public async Task QuoteUnknownToTheQuoteService_TheEmailIsLoggedFailedAtOnceWithTheReason_AndNeverSent()
    {
        var request = await KnowTheCaseAsync("unknown@example.fr", "Tk-unknown");
        var quote = Events.Quote(Organisation, request.RequestId, "unknown@example.fr");
        factory.Quote.DoesNotKnow(quote.QuoteId);

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        // Fetched by the sender, outside any transaction (ADR 0012): a quote it cannot have is the email's permanent failure,
        // in the case's email log for staff, rather than a message in the error queue.
        var failed = await factory.PublishedAsync<EmailFailed>(f => f.RegardingId == quote.QuoteId);
        Assert.Contains("does not know quote", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, failed.Attempts);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Quote.RequestsFor(quote.QuoteId));
        Assert.DoesNotContain(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "unknown@example.fr"));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0 AND \"Status\" = 'Failed'", quote.QuoteId));
    }

    [Fact]
    public async Task QuoteBeforeItsCase_WaitsForTheCase_AndLinksToItsSpace()
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, "early.quote@example.fr", channel: RequestChannel.Phone) with { CustomerSpaceToken = "Tk-late-case" };
        var quote = Events.Quote(Organisation, request.RequestId, "early.quote@example.fr");

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());
        await Task.Delay(TimeSpan.FromSeconds(1));
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("early.quote@example.fr");
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/espace/Tk-late-case", email.TextBody, StringComparison.Ordinal);
        Assert.Single(email.Attachments);
    }

    [Fact]
    public async Task QuoteWhoseCaseNeverArrives_IsSentOnItsLastAttemptWithoutTheLink()
    {
        await KnowTheOrganisationAsync();
        var quote = Events.Quote(Organisation, Guid.CreateVersion7(), "no.case@example.fr");

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        var email = await factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == "no.case@example.fr"), "without its case", TimeSpan.FromSeconds(40));
        Assert.DoesNotContain("/espace/", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Pour l'accepter, ou pour toute question, répondez simplement à cet e-mail.", email.TextBody, StringComparison.Ordinal);
        Assert.Single(email.Attachments);
    }

    [Fact]
    public async Task QuoteWithoutTheCustomersAddress_IsLoggedFailedWithTheReason_AndNoPdfIsAskedFor()
    {
        var request = await KnowTheCaseAsync("no.address@example.fr", "Tk-no-address");
        var quote = Events.Quote(Organisation, request.RequestId, "") with { CustomerEmail = null };

        await factory.Harness.Bus.Publish(quote, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.RegardingId == quote.QuoteId);
        Assert.Equal("QuoteSent", failed.Kind);
        Assert.Contains("DEV-2026-00042", failed.Reason, StringComparison.Ordinal);
        Assert.Empty(factory.Quote.RequestsFor(quote.QuoteId));
    }

    [Fact]
    public async Task RenewedLink_IsTheOneTheQuoteEmailCarries_EvenWhenAnOlderReplyArrivesAfterIt()
    {
        var request = await KnowTheCaseAsync("renewed@example.fr", "Tk-old");
        var renewedAt = DateTimeOffset.UtcNow.AddMinutes(1);
        await factory.Harness.Bus.Publish(Events.LinkRenewed(Organisation, request.RequestId, "Tk-renewed", renewedAt), c => c.MessageId = Guid.NewGuid());
        var olderReply = Events.StaffReply(Organisation, "renewed.reply@example.fr", "Bonjour", token: "Tk-old") with
        {
            RequestId = request.RequestId, OccurredAt = renewedAt.AddSeconds(-30),
        };
        var olderReplyId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(olderReply, c => c.MessageId = olderReplyId);
        await factory.HandledAsync(olderReplyId);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"RequestId\" = @p0 AND \"CustomerSpaceToken\" = 'Tk-renewed'", request.RequestId) == 1,
            TimeSpan.FromSeconds(15)));

        await factory.Harness.Bus.Publish(Events.Quote(Organisation, request.RequestId, "renewed@example.fr"), c => c.MessageId = Guid.NewGuid());

        var email = await QuoteEmailAsync("renewed@example.fr");
        Assert.Contains($"{NotificationFactory.PublicBaseUrl}/espace/Tk-renewed", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tk-old", email.TextBody, StringComparison.Ordinal);
        Assert.DoesNotContain("Tk-old", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task ReplyAfterTheRenewal_KeepsTheNewToken()
    {
        var request = await KnowTheCaseAsync("after.renewal@example.fr", "Tk-first");
        var renewedAt = DateTimeOffset.UtcNow;
        await factory.Harness.Bus.Publish(Events.LinkRenewed(Organisation, request.RequestId, "Tk-second", renewedAt), c => c.MessageId = Guid.NewGuid());
        var reply = Events.StaffReply(Organisation, "after.renewal.reply@example.fr", "Bonjour", token: "Tk-second") with
        {
            RequestId = request.RequestId, OccurredAt = renewedAt.AddSeconds(5),
        };
        await factory.Harness.Bus.Publish(reply, c => c.MessageId = Guid.NewGuid());

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                "SELECT count(*) FROM cases WHERE \"RequestId\" = @p0 AND \"CustomerSpaceToken\" = 'Tk-second' AND \"TokenChangedAt\" = @p1",
                request.RequestId, reply.OccurredAt) == 1,
            TimeSpan.FromSeconds(15)));
    }

    private async Task KnowTheOrganisationAsync()
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", Organisation) == 1,
            TimeSpan.FromSeconds(15)));
    }

    private async Task<RequestReceived> KnowTheCaseAsync(string email, string token)
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, email, channel: RequestChannel.Phone) with { CustomerSpaceToken = token };
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"RequestId\" = @p0", request.RequestId) == 1,
            TimeSpan.FromSeconds(15)));
        return request;
    }

    private Task<MimeMessage> QuoteEmailAsync(string email) =>
        factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == email), $"with the quote to {email}");
}
