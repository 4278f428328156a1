using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class StaffReplyTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private const string Reply = "Bonjour Élodie,\nLe chalet est libre du 13 au 20 février.\nViele Grüße aus Val Nevé !";

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
    public async Task StaffReply_IsEmailedToTheCustomer_WithTheTextTheSignatureAndTheSpaceLink()
    {
        await KnowTheOrganisationAsync();

        await factory.Harness.Bus.Publish(Events.StaffReply(Organisation, "elodie.reply@example.fr", Reply, token: "Tk-4f9_x"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("elodie.reply@example.fr");
        Assert.Equal("Réponse à votre demande — Chalet des Mélèzes", email.Subject);
        Assert.Equal("Chalet des Mélèzes", email.From.Mailboxes.Single().Name);
        Assert.Equal("reservation@chalet-melezes.test", email.ReplyTo.Mailboxes.Single().Address);
        var alternative = Assert.IsType<MultipartAlternative>(email.Body);
        Assert.Contains(alternative, part => part.ContentType.IsMimeType("text", "plain"));
        Assert.Contains(alternative, part => part.ContentType.IsMimeType("text", "html"));

        var text = email.TextBody!.ReplaceLineEndings("\n");
        Assert.Contains(Reply, text, StringComparison.Ordinal);
        Assert.Contains("Julien Perrin\nChalet des Mélèzes", text, StringComparison.Ordinal);
        Assert.Contains($"Lire la conversation et nous répondre : {NotificationFactory.PublicBaseUrl}/espace/Tk-4f9_x", text, StringComparison.Ordinal);

        Assert.Contains("Bonjour Élodie,<br>Le chalet est libre du 13 au 20 février.<br>Viele Grüße aus Val Nevé !", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Julien Perrin<br>Chalet des Mélèzes", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains($"href=\"{NotificationFactory.PublicBaseUrl}/espace/Tk-4f9_x\"", email.HtmlBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffReply_WithMarkup_ArrivesEncodedInTheHtmlPart()
    {
        await KnowTheOrganisationAsync();

        await factory.Harness.Bus.Publish(
            Events.StaffReply(Organisation, "markup@example.fr", "Voir <script>alert('x')</script> & <b>merci</b>"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("markup@example.fr");
        Assert.DoesNotContain("<script", email.HtmlBody, StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain("<b>", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("&lt;script&gt;", email.HtmlBody, StringComparison.Ordinal);
        Assert.Contains("Voir <script>alert('x')</script> & <b>merci</b>", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task StaffReply_Redelivered_SendsOneEmail()
    {
        await KnowTheOrganisationAsync();
        var reply = Events.StaffReply(Organisation, "once.reply@example.fr", "Une seule fois.");
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("notification-staff-message-posted");

        await factory.Harness.Bus.Publish(reply, c => c.MessageId = messageId);
        await ReceivedByAsync("once.reply@example.fr");
        await factory.Harness.Bus.Publish(reply, c => c.MessageId = messageId);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "once.reply@example.fr"));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM emails WHERE \"To\" = 'once.reply@example.fr'"));
    }

    [Fact]
    public async Task StaffReply_PublishedTwiceForTheSameConversationMessage_SendsOneEmail()
    {
        await KnowTheOrganisationAsync();
        var reply = Events.StaffReply(Organisation, "twice.reply@example.fr", "Un seul e-mail par message.");
        var first = Guid.NewGuid();

        await factory.Harness.Bus.Publish(reply, c => c.MessageId = first);
        await ReceivedByAsync("twice.reply@example.fr");
        var second = Guid.NewGuid();
        await factory.Harness.Bus.Publish(reply, c => c.MessageId = second);

        await factory.HandledAsync(second);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "twice.reply@example.fr"));
    }

    [Fact]
    public async Task StaffReply_Sent_PublishesEmailSentRegardingTheConversationMessage()
    {
        await KnowTheOrganisationAsync();
        var reply = Events.StaffReply(Organisation, "regarding@example.fr", "Voici notre proposition.");

        await factory.Harness.Bus.Publish(reply, c => c.MessageId = Guid.NewGuid());

        var sent = await factory.PublishedAsync<EmailSent>(e => e.RegardingId == reply.MessageId);
        Assert.Equal("StaffReply", sent.Kind);
        Assert.Equal(reply.RequestId, sent.CaseId);
        Assert.Equal(Organisation, sent.OrganisationId);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM emails WHERE \"RegardingId\" = @p0 AND \"Status\" = 'Sent'", reply.MessageId));
    }

    [Fact]
    public async Task StaffReply_ToAnEnglishCustomer_IsInEnglish()
    {
        await KnowTheOrganisationAsync();

        await factory.Harness.Bus.Publish(
            Events.StaffReply(Organisation, "john.reply@example.co.uk", "Dear John,\nThe chalet is free.", language: "en"), c => c.MessageId = Guid.NewGuid());

        var email = await ReceivedByAsync("john.reply@example.co.uk");
        Assert.Equal("Reply to your request — Chalet des Mélèzes", email.Subject);
        Assert.Contains("Dear John,\nThe chalet is free.", email.TextBody!.ReplaceLineEndings("\n"), StringComparison.Ordinal);
        Assert.Contains($"Read the conversation and reply to us: {NotificationFactory.PublicBaseUrl}/espace/space-token-of-the-case", email.TextBody, StringComparison.Ordinal);
        Assert.Contains("<html lang=\"en\">", email.HtmlBody, StringComparison.Ordinal);
    }
}
