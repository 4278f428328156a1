using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>
/// Issue 18: while an organisation has a reply mailbox, the customer's answer to any email about their case goes to that
/// mailbox tagged with the case (<c>reponses+{token}@…</c>), so Inbox puts it in the case's conversation.
/// </summary>
public sealed class ReplyToTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private const string Mailbox = "reponses@chalet-melezes.test";

    private const string UsualReplyTo = "reservation@chalet-melezes.test";

    private Task<MimeMessage> ReceivedByAsync(string email, string? subjectStart = null) =>
        factory.ReceivedAsync(
            m => m.To.Mailboxes.Any(b => b.Address == email) && (subjectStart is null || m.Subject?.StartsWith(subjectStart, StringComparison.Ordinal) == true),
            $"to {email}");

    private async Task<Guid> KnowTheOrganisationAsync(string? mailbox)
    {
        factory.StartSmtp();
        var organisation = Guid.NewGuid();
        await PublishAndWaitAsync(Events.Organisation(organisation));
        if (mailbox is not null)
        {
            await PublishAndWaitAsync(Events.ReplyMailbox(organisation, mailbox));
        }

        return organisation;
    }

    private async Task PublishAndWaitAsync<T>(T message)
        where T : class
    {
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(message, c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
    }

    [Fact]
    public async Task Acknowledgement_WithAReplyMailbox_RepliesToTheMailboxTaggedWithTheCase()
    {
        var organisation = await KnowTheOrganisationAsync(Mailbox);
        var token = Events.ReplyToken();

        await factory.Harness.Bus.Publish(Events.Request(organisation, "tagged@example.fr") with { ReplyToken = token }, c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("tagged@example.fr");
        Assert.Equal($"reponses+{token}@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task TaggedEmail_LeavesWithItsReplyAddressAsEnvelopeSender_SoThatAFailureReportComesBackToTheMailbox()
    {
        var organisation = await KnowTheOrganisationAsync(Mailbox);
        var token = Events.ReplyToken();

        await factory.Harness.Bus.Publish(Events.Request(organisation, "bounce.me@example.fr") with { ReplyToken = token }, c => c.MessageId = Guid.NewGuid());
        await ReceivedByAsync("bounce.me@example.fr");

        // The SMTP test server does not show the envelope: the sender's choice is read as it makes it, for the email it sent.
        Assert.Equal($"reponses+{token}@chalet-melezes.test", await EnvelopeSenderAsync(organisation, "bounce.me@example.fr"));
    }

    [Fact]
    public async Task UntaggedEmail_LeavesWithTheSendingAddressAsEnvelopeSender()
    {
        var organisation = await KnowTheOrganisationAsync(mailbox: null);

        await factory.Harness.Bus.Publish(Events.Request(organisation, "plain.envelope@example.fr"), c => c.MessageId = Guid.NewGuid());
        await ReceivedByAsync("plain.envelope@example.fr");

        Assert.Null(await EnvelopeSenderAsync(organisation, "plain.envelope@example.fr"));
    }

    /// <summary>The envelope sender the worker gives the email it sent to <paramref name="to"/>; null for its From address.</summary>
    private async Task<string?> EnvelopeSenderAsync(Guid organisation, string to)
    {
        using var scope = factory.Services.CreateScope();
        scope.ServiceProvider.GetRequiredService<CommercialManagement.BuildingBlocks.Tenancy.TenantContext>().Use(organisation);
        var db = scope.ServiceProvider.GetRequiredService<CommercialManagement.Notification.Worker.Persistence.NotificationDbContext>();
        var email = await db.Emails.SingleAsync(e => e.To == to);
        return scope.ServiceProvider.GetRequiredService<CommercialManagement.Notification.Worker.Sending.SmtpMailer>().EnvelopeSenderOf(email)?.Address;
    }

    [Fact]
    public async Task Acknowledgement_WithoutAReplyMailbox_RepliesToTheOrganisationsUsualAddress()
    {
        var organisation = await KnowTheOrganisationAsync(mailbox: null);

        await factory.Harness.Bus.Publish(
            Events.Request(organisation, "untagged@example.fr") with { ReplyToken = Events.ReplyToken() }, c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("untagged@example.fr");
        Assert.Equal(UsualReplyTo, email.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task ReplyMailboxSwitchedOffAgain_RepliesToTheUsualAddress_WhateverOlderNewsArrivesLate()
    {
        var organisation = await KnowTheOrganisationAsync(mailbox: null);
        var now = DateTimeOffset.UtcNow;
        await PublishAndWaitAsync(Events.ReplyMailbox(organisation, Mailbox, now.AddMinutes(-2)));
        await PublishAndWaitAsync(Events.ReplyMailbox(organisation, null, now));
        // The mailbox's setting-up, delivered late: the switch-off is newer and stays.
        await PublishAndWaitAsync(Events.ReplyMailbox(organisation, Mailbox, now.AddMinutes(-1)));

        await factory.Harness.Bus.Publish(
            Events.Request(organisation, "switched.off@example.fr") with { ReplyToken = Events.ReplyToken() }, c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("switched.off@example.fr");
        Assert.Equal(UsualReplyTo, email.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task CaseWithoutAReplyToken_RepliesToThePlainMailbox()
    {
        var organisation = await KnowTheOrganisationAsync(Mailbox);

        await factory.Harness.Bus.Publish(Events.Request(organisation, "no.token@example.fr"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("no.token@example.fr");
        Assert.Equal(Mailbox, email.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task StaffReplyAndQuote_OfAPhoneCase_RepliesToTheMailboxTaggedWithTheCase()
    {
        var organisation = await KnowTheOrganisationAsync(Mailbox);
        var token = Events.ReplyToken();
        var request = Events.Request(organisation, "phone.case@example.fr", channel: RequestChannel.Phone) with { ReplyToken = token };
        await PublishAndWaitAsync(request);

        await factory.Harness.Bus.Publish(
            Events.StaffReply(organisation, "phone.case@example.fr", "Voici nos disponibilités.") with { RequestId = request.RequestId }, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(Events.Quote(organisation, request.RequestId, "phone.case@example.fr"), c => c.MessageId = Guid.NewGuid());

        var reply = await ReceivedByAsync("phone.case@example.fr", "Réponse");
        var quote = await ReceivedByAsync("phone.case@example.fr", "Votre devis");
        Assert.Equal($"reponses+{token}@chalet-melezes.test", reply.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal($"reponses+{token}@chalet-melezes.test", quote.ReplyTo.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task StaffAlert_WithAReplyMailbox_StillHasNoReplyTo()
    {
        var organisation = await KnowTheOrganisationAsync(Mailbox);
        var request = Events.Request(organisation, "alert.case@example.fr", channel: RequestChannel.Phone) with { ReplyToken = Events.ReplyToken() };
        await PublishAndWaitAsync(request);

        await factory.Harness.Bus.Publish(
            Events.CustomerReply(organisation, "Alerte Client") with { RequestId = request.RequestId }, c => c.MessageId = Guid.NewGuid());

        var alert = await factory.ReceivedAsync(
            m => m.To.Mailboxes.Any(b => b.Address == "bonjour@chalet-melezes.test") && m.Subject == "Nouveau message de Alerte Client",
            "alert about Alerte Client");
        Assert.Empty(alert.ReplyTo);
    }

    [Fact]
    public async Task ReplyMailboxBeforeTheOrganisation_TheProfileEndsFull_AndTheEmailWaitedForIt()
    {
        factory.StartSmtp();
        var organisation = Guid.NewGuid();
        var token = Events.ReplyToken();
        await PublishAndWaitAsync(Events.ReplyMailbox(organisation, Mailbox));
        await factory.Harness.Bus.Publish(Events.Request(organisation, "mailbox.first@example.fr") with { ReplyToken = token }, c => c.MessageId = Guid.NewGuid());
        await Task.Delay(TimeSpan.FromSeconds(1));

        // Older than the mailbox's event, as it may well be: each keeps its own clock.
        await PublishAndWaitAsync(Events.Organisation(organisation, at: DateTimeOffset.UtcNow.AddHours(-1), sender: "Les Mélèzes (réservations)"));

        var email = await ReceivedByAsync("mailbox.first@example.fr");
        Assert.Equal("Les Mélèzes (réservations)", email.From.Mailboxes.Single().Name);
        Assert.Equal($"reponses+{token}@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(1, await factory.CountAsync(
            """
            SELECT count(*) FROM organisations WHERE "OrganisationId" = @p0 AND "Name" = 'Chalet des Mélèzes'
              AND "ContactEmail" = 'bonjour@chalet-melezes.test' AND "EmailReplyTo" = @p1 AND "ReplyMailboxAddress" = @p2
            """,
            organisation, UsualReplyTo, Mailbox));
    }

    [Fact]
    public async Task ReplyMailboxAfterTheOrganisation_KeepsTheProfile_AndAddsTheMailbox()
    {
        var organisation = await KnowTheOrganisationAsync(mailbox: null);
        var token = Events.ReplyToken();

        // Older than the organisation's event: the two are not ordered against each other.
        await PublishAndWaitAsync(Events.ReplyMailbox(organisation, Mailbox, DateTimeOffset.UtcNow.AddHours(-1)));
        await factory.Harness.Bus.Publish(Events.Request(organisation, "mailbox.after@example.fr") with { ReplyToken = token }, c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("mailbox.after@example.fr");
        Assert.Equal("Chalet des Mélèzes", email.From.Mailboxes.Single().Name);
        Assert.Equal($"reponses+{token}@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        Assert.Equal(1, await factory.CountAsync(
            """
            SELECT count(*) FROM organisations WHERE "OrganisationId" = @p0 AND "Name" = 'Chalet des Mélèzes'
              AND "ContactEmail" = 'bonjour@chalet-melezes.test' AND "EmailReplyTo" = @p1 AND "ReplyMailboxAddress" = @p2
            """,
            organisation, UsualReplyTo, Mailbox));
    }
}
