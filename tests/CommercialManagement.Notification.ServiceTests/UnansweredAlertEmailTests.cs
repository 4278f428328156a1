using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The unanswered-request alert (issue 17) by email: its recipient, the request's link, once, and never when the organisation declines alerts by email.</summary>
public sealed class UnansweredAlertEmailTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private async Task<Guid> KnownOrganisationAsync(bool alertsByEmail = true)
    {
        var organisation = Guid.NewGuid();
        factory.StartSmtp();
        await factory.Harness.Bus.Publish(Events.Organisation(organisation, alertsByEmail: alertsByEmail), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", organisation) == 1,
            TimeSpan.FromSeconds(15)));
        return organisation;
    }

    private async Task<Guid> KnownStaffMemberAsync(Guid organisation, string email)
    {
        var staffId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(Events.StaffMember(organisation, staffId, email), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM staff_members WHERE \"StaffId\" = @p0", staffId) == 1, TimeSpan.FromSeconds(15)));
        return staffId;
    }

    [Fact]
    public async Task AnUnansweredAlert_IsEmailedToItsRecipientOnce_WithTheRequestsLink()
    {
        var organisation = await KnownOrganisationAsync();
        var admin = await KnownStaffMemberAsync(organisation, "admin-unanswered@chalet-melezes.test");
        var alert = Events.Alert(organisation, "Unanswered", "Agnès Attente attend une réponse depuis le lundi 7 décembre à 09:00 (24 heures ouvrées).", admin);
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(alert, c => c.MessageId = messageId);
        var email = await factory.ReceivedAsync(m => m.Subject == "Agnès Attente attend une réponse depuis le lundi 7 décembre à 09:00 (24 heures ouvrées)", "unanswered alert");
        await factory.Harness.Bus.Publish(alert, c => c.MessageId = messageId);

        Assert.Equal("admin-unanswered@chalet-melezes.test", email.To.Mailboxes.Single().Address);
        Assert.Contains($"href=\"{NotificationFactory.PublicBaseUrl}/demandes/{alert.RequestId}\"", email.HtmlBody, StringComparison.Ordinal);
        Assert.Equal("UnansweredAlert", (await factory.PublishedAsync<EmailSent>(e => e.CaseId == alert.RequestId)).Kind);
        await factory.HandledAsync(messageId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.Subject!.StartsWith("Agnès Attente", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertsByEmailTurnedOff_TheUnansweredAlertIsNotEmailed()
    {
        var organisation = await KnownOrganisationAsync(alertsByEmail: false);
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(Events.Alert(organisation, "Unanswered", "Sylvain Silence attend une réponse depuis le lundi 7 décembre à 09:00 (24 heures ouvrées)."), c => c.MessageId = messageId);

        await factory.HandledAsync(messageId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(factory.Received(), m => m.Subject!.Contains("Sylvain Silence", StringComparison.Ordinal));
    }
}
