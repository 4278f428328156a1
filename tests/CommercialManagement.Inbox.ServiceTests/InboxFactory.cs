using System.Net;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The Inbox service in process. Every call arrives as from the gateway (a loopback proxy), so a test's
/// X-Forwarded-For names the client, as behind the real gateway.
/// </summary>
public sealed class InboxFactory : ServiceFactory<Program>
{
    public InboxFactory()
        : base(ResourceNames.InboxDb)
    {
    }

    /// <summary>A second host on an existing database, as after a restart.</summary>
    internal InboxFactory(string connectionString)
        : base(ResourceNames.InboxDb, connectionString)
    {
    }

    /// <summary>A member of the organisation's staff, as the gateway announces them, once Inbox has kept them.</summary>
    internal async Task<Guid> KnownStaffAsync(Guid organisationId, string name, bool active = true)
    {
        var staffId = Guid.CreateVersion7();
        await Harness.Bus.Publish(new StaffMemberChanged
        {
            OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, StaffId = staffId, Name = name,
            Email = $"{staffId:N}@example.fr", Role = "Agent", Active = active,
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await CountAsync("SELECT count(*) FROM staff_members WHERE \"StaffId\" = @p0", staffId) == 1, TimeSpan.FromSeconds(20)),
            $"Inbox never kept the staff member {name}.");
        return staffId;
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton<IStartupFilter, FromGatewayStartupFilter>();

    private sealed class FromGatewayStartupFilter : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use((context, nextMiddleware) =>
            {
                context.Connection.RemoteIpAddress = IPAddress.Loopback;
                return nextMiddleware(context);
            });
            next(app);
        };
    }
}
