using CommercialManagement.Contracts.Notification;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>Notification's part of an erasure: the case's copy and the email log of that organisation lose the customer, once.</summary>
public sealed class CustomerErasureTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    private async Task KnowAsync(Guid organisationId)
    {
        await factory.Harness.Bus.Publish(Events.Organisation(organisationId), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", organisationId) == 1,
            TimeSpan.FromSeconds(15)));
    }

    private Task<int> EraseAsync(Guid organisationId, string email, params Guid[] requestIds) => EraseAsync(organisationId, email, casesOnly: false, requestIds);

    private async Task<int> EraseAsync(Guid organisationId, string email, bool casesOnly, params Guid[] requestIds)
    {
        var (erasureId, messageId) = (Guid.NewGuid(), Guid.NewGuid());
        await factory.Harness.Bus.Publish(
            new CustomerErasureRequested
            {
                OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, CustomerEmail = email, RequestIds = requestIds,
                RequestedBy = "Claire Admin", CasesOnly = casesOnly,
            },
            c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
        return (await factory.PublishedAsync<CustomerErased>(e => e.ErasureId == erasureId && e.Service == "notification")).RowsChanged;
    }

    [Fact]
    public async Task AnErasureByEmail_EmptiesTheCaseCopyAndTheEmailLog_OnceOnly_AndSparesAnotherOrganisation()
    {
        factory.StartSmtp();
        var (mine, theirs) = (Guid.NewGuid(), Guid.NewGuid());
        await KnowAsync(mine);
        await KnowAsync(theirs);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email) = ($"Honorine Bacle{unique}", $"honorine.{unique}@example.fr");
        var request = Events.Request(mine, email, name) with { CustomerSpaceToken = $"space-{unique}" };
        var other = Events.Request(theirs, email, "Autre Client");
        await factory.Harness.Bus.Publish(request, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(other, c => c.MessageId = Guid.NewGuid());
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == request.RequestId);
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == other.RequestId);

        Assert.True(await EraseAsync(mine, email.ToUpperInvariant()) > 0);

        Assert.Equal(ErasedCustomer.Email, await factory.ScalarTextAsync("SELECT \"To\" FROM emails WHERE \"CaseId\" = @p0", request.RequestId));
        Assert.Equal("", await factory.ScalarTextAsync("SELECT \"TextBody\" || \"HtmlBody\" || \"Subject\" FROM emails WHERE \"CaseId\" = @p0", request.RequestId));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM cases WHERE \"RequestId\" = @p0 AND \"CustomerSpaceToken\" IS NULL AND \"CustomerName\" IS NULL", request.RequestId));
        Assert.Empty(await PersonalDataSearch.FindAsync(factory.ConnectionString, name, $"space-{unique}"));
        Assert.Equal(email, await factory.ScalarTextAsync("SELECT \"To\" FROM emails WHERE \"CaseId\" = @p0", other.RequestId));
        Assert.Contains("Autre Client", await factory.ScalarTextAsync("SELECT \"TextBody\" FROM emails WHERE \"CaseId\" = @p0", other.RequestId), StringComparison.Ordinal);

        Assert.Equal(0, await EraseAsync(mine, email, request.RequestId));
    }

    /// <summary>
    /// The retention of a request that never became a dossier erases that case only: the same customer's other case (the one
    /// that became a dossier) keeps its email log, addressed to them.
    /// </summary>
    [Fact]
    public async Task AnErasureOfSomeCasesOnly_SparesTheSameCustomersOtherCases()
    {
        factory.StartSmtp();
        var mine = Guid.NewGuid();
        await KnowAsync(mine);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"ninon.{unique}@example.fr";
        var old = Events.Request(mine, email, $"Ninon Vial{unique}");
        var kept = Events.Request(mine, email, $"Ninon Vial{unique}");
        await factory.Harness.Bus.Publish(old, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(kept, c => c.MessageId = Guid.NewGuid());
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == old.RequestId);
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == kept.RequestId);

        Assert.True(await EraseAsync(mine, "", casesOnly: true, old.RequestId) > 0);

        Assert.Equal(ErasedCustomer.Email, await factory.ScalarTextAsync("SELECT \"To\" FROM emails WHERE \"CaseId\" = @p0", old.RequestId));
        Assert.Equal(email, await factory.ScalarTextAsync("SELECT \"To\" FROM emails WHERE \"CaseId\" = @p0", kept.RequestId));
        Assert.NotEqual("", await factory.ScalarTextAsync("SELECT \"Subject\" FROM emails WHERE \"CaseId\" = @p0", kept.RequestId));
    }
}
