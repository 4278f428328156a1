using CommercialManagement.Contracts.Notification;
using CommercialManagement.TestKit;
using MassTransit;
using MimeKit;

namespace CommercialManagement.Notification.ServiceTests;

public sealed class CustomerReplyAlertTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private const string OrganisationAddress = "bonjour@chalet-melezes.test";

    // The customer's name is unique per test: alerts to the organisation's address are told apart by their subject.
    private Task<MimeMessage> AlertAboutAsync(string customerName) =>
        factory.ReceivedAsync(m => m.Subject == $"Nouveau message de {customerName}", $"about {customerName}");

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

    private async Task<Guid> KnownStaffMemberAsync(Guid organisation, string email, bool active = true)
    {
        var staffId = Guid.NewGuid();
        var at = DateTimeOffset.UtcNow;
        await factory.Harness.Bus.Publish(Events.StaffMember(organisation, staffId, email, active: true, at), c => c.MessageId = Guid.NewGuid());
        if (!active)
        {
            await factory.Harness.Bus.Publish(Events.StaffMember(organisation, staffId, email, active: false, at.AddMinutes(1)), c => c.MessageId = Guid.NewGuid());
        }

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync(
                "SELECT count(*) FROM staff_members WHERE \"StaffId\" = @p0 AND \"Active\" = @p1", staffId, active) == 1,
            TimeSpan.FromSeconds(15)));
        return staffId;
    }

    [Fact]
    public async Task CustomerReply_OnACaseAssignedToAnActiveMember_AlertsThemWithTheBackOfficeLinkOnly()
    {
        var organisation = await KnownOrganisationAsync();
        var assignee = await KnownStaffMemberAsync(organisation, "julien@chalet-melezes.test");
        var posted = Events.CustomerReply(organisation, "Élodie Müller", assignee);

        await factory.Harness.Bus.Publish(posted, c => c.MessageId = Guid.NewGuid());

        var email = await AlertAboutAsync("Élodie Müller");
        Assert.Equal("julien@chalet-melezes.test", email.To.Mailboxes.Single().Address);
        Assert.Empty(email.ReplyTo);
        var link = $"{NotificationFactory.PublicBaseUrl}/demandes/{posted.RequestId}";
        Assert.Contains($"href=\"{link}\"", email.HtmlBody, StringComparison.Ordinal);
        // The whole text: what happened and where to read it, and nothing the customer wrote.
        Assert.Equal(
            "Bonjour Julien Perrin,\n\n"
            + "Élodie Müller a répondu dans la conversation de sa demande.\n\n"
            + "Son message n'est pas recopié ici : lisez-le et répondez-lui dans la gestion commerciale.\n\n"
            + $"Ouvrir la demande : {link}\n\n"
            + "Gestion commerciale\nChalet des Mélèzes",
            email.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        var sent = await factory.PublishedAsync<EmailSent>(e => e.CaseId == posted.RequestId);
        Assert.Equal("CustomerReplyAlert", sent.Kind);
    }

    [Fact]
    public async Task CustomerReply_WithNobodyAssigned_AlertsTheOrganisation()
    {
        var organisation = await KnownOrganisationAsync();

        await factory.Harness.Bus.Publish(Events.CustomerReply(organisation, "Nadia Sans-Responsable"), c => c.MessageId = Guid.NewGuid());

        var email = await AlertAboutAsync("Nadia Sans-Responsable");
        Assert.Equal(OrganisationAddress, email.To.Mailboxes.Single().Address);
        Assert.Contains("Bonjour,", email.TextBody, StringComparison.Ordinal);
    }

    [Fact]
    public async Task CustomerReply_AssignedToADisabledMember_AlertsTheOrganisation()
    {
        var organisation = await KnownOrganisationAsync();
        var assignee = await KnownStaffMemberAsync(organisation, "parti@chalet-melezes.test", active: false);

        await factory.Harness.Bus.Publish(Events.CustomerReply(organisation, "Paul Désactivé", assignee), c => c.MessageId = Guid.NewGuid());

        var email = await AlertAboutAsync("Paul Désactivé");
        Assert.Equal(OrganisationAddress, email.To.Mailboxes.Single().Address);
        Assert.DoesNotContain(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "parti@chalet-melezes.test"));
    }

    [Fact]
    public async Task CustomerReply_AssignedToAMemberOfAnotherOrganisation_AlertsTheOrganisation()
    {
        var organisation = await KnownOrganisationAsync();
        var stranger = await KnownStaffMemberAsync(Guid.NewGuid(), "ailleurs@autre-organisation.test");

        await factory.Harness.Bus.Publish(Events.CustomerReply(organisation, "Zoé Ailleurs", stranger), c => c.MessageId = Guid.NewGuid());

        var email = await AlertAboutAsync("Zoé Ailleurs");
        Assert.Equal(OrganisationAddress, email.To.Mailboxes.Single().Address);
    }

    [Fact]
    public async Task CustomerReply_BeforeTheOrganisationIsKnown_IsLoggedAsFailedWithTheReason()
    {
        factory.StartSmtp();
        var posted = Events.CustomerReply(Guid.NewGuid(), "Inès Inconnue");

        await factory.Harness.Bus.Publish(posted, c => c.MessageId = Guid.NewGuid());

        var failed = await factory.PublishedAsync<EmailFailed>(e => e.CaseId == posted.RequestId);
        Assert.Equal("CustomerReplyAlert", failed.Kind);
        Assert.Contains("Aucune adresse", failed.Reason, StringComparison.Ordinal);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM emails WHERE \"CaseId\" = @p0 AND \"Status\" = 'Failed' AND \"LastError\" LIKE 'Aucune adresse%'", posted.RequestId));
    }

    [Fact]
    public async Task CustomerReply_Redelivered_SendsOneAlert()
    {
        var organisation = await KnownOrganisationAsync();
        var posted = Events.CustomerReply(organisation, "Une Seule-Alerte");
        var messageId = Guid.NewGuid();
        using var duplicates = new DuplicateCounter("notification-customer-message-posted");

        await factory.Harness.Bus.Publish(posted, c => c.MessageId = messageId);
        await AlertAboutAsync("Une Seule-Alerte");
        await factory.Harness.Bus.Publish(posted, c => c.MessageId = messageId);

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(duplicates.Count == 1), TimeSpan.FromSeconds(15)));
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.Subject == "Nouveau message de Une Seule-Alerte");
    }

    [Fact]
    public async Task QuoteAcceptedOnline_OnAnAssignedCase_EmailsTheAssigneeTheBellsWordsAndTheDossierLink()
    {
        var organisation = await KnownOrganisationAsync();
        var assignee = await KnownStaffMemberAsync(organisation, "julien@chalet-melezes.test");
        var alert = Events.Alert(organisation, "QuoteAccepted", "Agathe Accord a accepté le devis CHM-2026-0007 (1 250,00 €).", assignee);

        await factory.Harness.Bus.Publish(alert, c => c.MessageId = Guid.NewGuid());

        var email = await factory.ReceivedAsync(m => m.Subject == "Agathe Accord a accepté le devis CHM-2026-0007 (1 250,00 €)", "acceptance alert");
        Assert.Equal("julien@chalet-melezes.test", email.To.Mailboxes.Single().Address);
        Assert.Empty(email.ReplyTo);
        var link = $"{NotificationFactory.PublicBaseUrl}/dossiers/{alert.RequestId}";
        Assert.Equal(
            "Bonjour Julien Perrin,\n\n"
            + "Agathe Accord a accepté le devis CHM-2026-0007 (1 250,00 €).\n\n"
            + "Le dossier est à jour dans la gestion commerciale.\n\n"
            + $"Ouvrir le dossier : {link}\n\n"
            + "Gestion commerciale\nChalet des Mélèzes",
            email.TextBody!.ReplaceLineEndings("\n").TrimEnd());
        var sent = await factory.PublishedAsync<EmailSent>(e => e.CaseId == alert.RequestId);
        Assert.Equal("QuoteAcceptedAlert", sent.Kind);
    }

    [Fact]
    public async Task PaymentOnline_WithNobodyAssigned_EmailsTheOrganisationOnceWhateverTheRedeliveries()
    {
        var organisation = await KnownOrganisationAsync();
        var alert = Events.Alert(organisation, "PaymentReceived", "Paul <b>Payeur</b> a payé l'acompte en ligne : 375,00 €.");
        var messageId = Guid.NewGuid();

        await factory.Harness.Bus.Publish(alert, c => c.MessageId = messageId);
        var email = await factory.ReceivedAsync(m => m.Subject == "Paul <b>Payeur</b> a payé l'acompte en ligne : 375,00 €", "payment alert");
        await factory.Harness.Bus.Publish(alert, c => c.MessageId = messageId);

        Assert.Equal(OrganisationAddress, email.To.Mailboxes.Single().Address);
        Assert.Contains("Paul &lt;b&gt;Payeur&lt;/b&gt;", email.HtmlBody, StringComparison.Ordinal);
        await factory.HandledAsync(messageId);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.Subject!.StartsWith("Paul <b>Payeur</b>", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AnAnswerAlert_IsEmailedFromTheAnswerOnly_NotASecondTimeFromTheBell()
    {
        var organisation = await KnownOrganisationAsync();
        var posted = Events.CustomerReply(organisation, "Unique Courriel");
        var bell = Events.Alert(organisation, "CustomerReplied", "Unique Courriel a répondu dans son espace client.", requestId: posted.RequestId);

        await factory.Harness.Bus.Publish(bell, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(posted, c => c.MessageId = Guid.NewGuid());

        await AlertAboutAsync("Unique Courriel");
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.Single(factory.Received(), m => m.Subject!.Contains("Unique Courriel", StringComparison.Ordinal));
    }

    [Fact]
    public async Task AlertsByEmailTurnedOff_NeitherAnAnswerNorAnAcceptanceNorAPaymentIsEmailed()
    {
        var organisation = await KnownOrganisationAsync(alertsByEmail: false);
        var assignee = await KnownStaffMemberAsync(organisation, "silence@chalet-melezes.test");
        var answer = Guid.NewGuid();
        var acceptance = Guid.NewGuid();
        var payment = Guid.NewGuid();

        await factory.Harness.Bus.Publish(Events.CustomerReply(organisation, "Muet Client", assignee), c => c.MessageId = answer);
        await factory.Harness.Bus.Publish(Events.Alert(organisation, "QuoteAccepted", "Muet Client a accepté le devis CHM-2026-0008 (90,00 €).", assignee), c => c.MessageId = acceptance);
        await factory.Harness.Bus.Publish(Events.Alert(organisation, "PaymentReceived", "Muet Client a payé le solde en ligne : 60,00 €.", assignee), c => c.MessageId = payment);

        await factory.HandledAsync(answer);
        await factory.HandledAsync(acceptance);
        await factory.HandledAsync(payment);
        await Task.Delay(TimeSpan.FromSeconds(1));
        Assert.DoesNotContain(factory.Received(), m => m.To.Mailboxes.Any(b => b.Address == "silence@chalet-melezes.test"));
        Assert.DoesNotContain(factory.Received(), m => m.Subject!.Contains("Muet Client", StringComparison.Ordinal));
    }
}
