using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Gateway.Features.Alerts;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// A customer's message left unanswered (Inbox's « unanswered-requests » job, issue 17): the assignee's bell, or each
/// admin's when nobody is assigned, never the agents'; once per event.
/// </summary>
public sealed class UnansweredAlertTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private static readonly Guid Office = DemoOrganisations.ValNeveOffice;

    private StaffAlerts Alerts => factory.Services.GetRequiredService<StaffAlerts>();

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    private static RequestUnanswered Unanswered(Guid requestId, Guid? assigneeId) => new()
    {
        OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, RequestId = requestId, MessageId = requestId, CustomerName = "Élodie Martin",
        AssigneeId = assigneeId, WaitingSince = ParisTime.At(new DateOnly(2026, 12, 7), new TimeOnly(9, 0)), WorkingHours = 24,
    };

    private async Task PublishAsync<T>(T message)
        where T : class
    {
        var id = Guid.NewGuid();
        await factory.Harness.Bus.Publish(message, c => c.MessageId = id);
        await factory.HandledAsync(id);
    }

    [Fact]
    public async Task AnUnassignedRequest_RingsEachAdmin_NotTheAgents()
    {
        var camille = await UserIdAsync("admin@valneve-office.test");
        var lucas = await UserIdAsync("agent@valneve-office.test");
        var requestId = Guid.CreateVersion7();

        await PublishAsync(Unanswered(requestId, assigneeId: null));

        var alert = Assert.Single(await Alerts.LatestAsync(Office, camille), a => a.RequestId == requestId);
        Assert.Equal(AlertKind.Unanswered, alert.Kind);
        Assert.False(alert.ForEveryone);
        Assert.Equal("Élodie Martin attend une réponse depuis le lundi 7 décembre à 09:00 (24 heures ouvrées).", alert.Text);
        Assert.DoesNotContain(await Alerts.LatestAsync(Office, lucas), a => a.RequestId == requestId);
        var raised = await factory.PublishedAsync<StaffAlertRaised>(e => e.RequestId == requestId);
        Assert.Equal("Unanswered", raised.Kind);
        Assert.Equal(camille, raised.RecipientId);
    }

    [Fact]
    public async Task AnAssignedRequest_RingsTheAssigneeOnly()
    {
        var camille = await UserIdAsync("admin@valneve-office.test");
        var lucas = await UserIdAsync("agent@valneve-office.test");
        var requestId = Guid.CreateVersion7();

        await PublishAsync(Unanswered(requestId, lucas));

        Assert.Single(await Alerts.LatestAsync(Office, lucas), a => a.RequestId == requestId && a.Kind == AlertKind.Unanswered);
        Assert.DoesNotContain(await Alerts.LatestAsync(Office, camille), a => a.RequestId == requestId);
    }
}
