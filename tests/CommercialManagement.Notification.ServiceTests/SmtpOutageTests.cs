using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>Its own worker and SMTP port: the server starts only after the first attempts failed.</summary>
public sealed class SmtpOutageTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    [Fact]
    public async Task Email_WhileTheSmtpServerIsDown_IsRetriedAndSentOnceItIsBack()
    {
        var organisation = Guid.NewGuid();
        await factory.Harness.Bus.Publish(Events.Request(organisation, "patient@example.fr"), c => c.MessageId = Guid.NewGuid());

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM emails WHERE \"To\" = 'patient@example.fr' AND \"Status\" = 'Queued' AND \"Attempts\" >= 1 AND \"LastError\" IS NOT NULL") == 1,
            TimeSpan.FromSeconds(20)));

        factory.StartSmtp();

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM emails WHERE \"To\" = 'patient@example.fr' AND \"Status\" = 'Sent' AND \"Attempts\" >= 2") == 1,
            TimeSpan.FromSeconds(30)));
        Assert.Single(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "patient@example.fr"));
    }
}
