using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class AcknowledgementTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private static readonly Guid Organisation = Guid.NewGuid();

    private Task<MimeMessage> ReceivedByAsync(string email) =>
        factory.ReceivedAsync(m => m.To.Mailboxes.Any(b => b.Address == email), $"to {email}");

    private async Task KnowTheOrganisationAsync()
    {
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(Organisation), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", Organisation) == 1,
            TimeSpan.FromSeconds(15)));
    }

    [Fact]
    public async Task WebRequest_GetsOneFrenchAcknowledgementFromTheOrganisation()
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, "elodie@example.fr");

        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("elodie@example.fr");
        Assert.Equal("Votre demande a bien été reçue — Chalet des Mélèzes", email.Subject);
        Assert.Equal("Chalet des Mélèzes", email.From.Mailboxes.Single().Name);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Contains("Bonjour Élodie Müller,", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("du 13 février 2027 au 20 février 2027 (2 adultes, 2 enfants)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Élodie Müller,", email.HtmlBody, StringComparison.Ordinal);
        var sent = await factory.PublishedAsync<EmailSent>(e => e.CaseId == request.RequestId);
        Assert.Equal("RequestAcknowledgement", sent.Kind);
        Assert.Equal(1, sent.Attempts);
    }

    [Fact]
    public async Task WebRequest_BeforeItsOrganisationIsKnown_WaitsForItsProfileAndSignsWithIt()
    {
        factory.StartSmtp();
        var organisation = Guid.NewGuid();
        var request = Events.Request(organisation, "early@example.fr");

        // At a first start the request can overtake the organisation's profile: the email waits for it (retries).
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        await Task.Delay(TimeSpan.FromSeconds(1));
        await factory.Harness.Bus.Publish(Events.Organisation(organisation, sender: "Les Mélèzes (réservations)"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("early@example.fr");
        Assert.Equal("Les Mélèzes (réservations)", email.From.Mailboxes.Single().Name);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task WebRequest_FromTheEnglishForm_IsAcknowledgedInEnglish()
    {
        await KnowTheOrganisationAsync();

        await factory.Harness.Bus.Publish(Events.Request(Organisation, "john@example.co.uk", "John Smith", "en"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("john@example.co.uk");
        Assert.Equal("We have received your request — Chalet des Mélèzes", email.Subject);
        Assert.Contains("for a stay from 13 February 2027 to 20 February 2027 (2 adults, 2 children)", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"Follow your request and reply to us: {NotificationFactory.PublicBaseUrl}/espace/space-token-of-the-case", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Acknowledgement_LinksToTheCustomerSpace()
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, "space@example.fr") with { CustomerSpaceToken = "Jt7-xQ2_abc" };

        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("space@example.fr");
        Assert.Contains($"Suivre votre demande et nous répondre : {NotificationFactory.PublicBaseUrl}/espace/Jt7-xQ2_abc", email.TextBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{NotificationFactory.PublicBaseUrl}/espace/Jt7-xQ2_abc\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Suivre votre demande et nous répondre</a>", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerText_IsEncodedInTheHtmlPart()
    {
        await KnowTheOrganisationAsync();

        await factory.Harness.Bus.Publish(Events.Request(Organisation, "xss@example.fr", "Eve <script>alert('x')</script>"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("xss@example.fr");
        Assert.DoesNotContain("<script>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Bonjour Eve <script>alert('x')</script>,", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RedeliveredEvent_SendsNoSecondEmail()
    {
        await KnowTheOrganisationAsync();
        var request = Events.Request(Organisation, "once@example.fr");
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("notification-request-received");

        await factory.Harness.Bus.Publish(request, c => c.MessageId = messageId);
        await ReceivedByAsync("once@example.fr");
        await factory.Harness.Bus.Publish(request, c => c.MessageId = messageId);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "once@example.fr"));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"To\" = 'once@example.fr'"));
    }

    [Fact]
    public async Task OneAddress_GetsAtMostFiveAcknowledgementsADay_WhateverTheCaseOfItsLetters()
    {
        // Issue 14, item 8: the form sends, from the organisation's name, to any address typed; a stranger's inbox is not
        // flooded by repeating its address (in any case of letters) on the form.
        await KnowTheOrganisationAsync();
        var address = $"cap-{Guid.NewGuid():N}@example.fr";
        var typed = new[] { address, address.ToUpperInvariant(), address, $" {address} ", address, address, address };

        foreach (var email in typed)
        {
            // One after the other, as a person (or a script) submits: the count is read before each is queued.
            var messageId = Guid.NewGuid();
            await factory.Harness.Bus.Publish(Events.Request(Organisation, email), c => c.MessageId = messageId);
            Assert.True(await Eventually.TrueAsync(
                async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", messageId) == 1, TimeSpan.FromSeconds(15)));
        }

        Assert.True(await Eventually.TrueAsync(
            () => Task.FromResult(factory.Received().Count(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))) >= 5),
            TimeSpan.FromSeconds(20)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(5, factory.Received().Count(m => m.To.Mailboxes.Any(b => b.Address.Equals(address, StringComparison.OrdinalIgnoreCase))));
    }

    [Fact]
    public async Task PhoneRequest_GetsNoAcknowledgement()
    {
        await KnowTheOrganisationAsync();
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(Events.Request(Organisation, "phone@example.fr", channel: RequestChannel.Phone), c => c.MessageId = messageId);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", messageId) == 1,
            TimeSpan.FromSeconds(15)));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"To\" = 'phone@example.fr'"));
    }

    [Fact]
    public void Model_EveryTenantOwnedEntity_HasTheOrganisationFilter()
    {
        using var scope = factory.Services.CreateScope();
        TenancyAssert.EveryTenantEntityIsFiltered(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>());
    }
}
