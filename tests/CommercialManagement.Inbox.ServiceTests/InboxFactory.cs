using System.Net;
using System.Globalization;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Inbox.Api.Features.MailIn;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The Inbox service in process. Every call arrives as from the gateway (a loopback proxy), so a test's
/// X-Forwarded-For names the client, as behind the real gateway. The reply mailboxes' fetcher is off unless a test turns
/// it on (<see cref="FetchMailboxes"/>); the mailbox key is set, so that the settings can be saved.
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

    /// <summary>True: this host fetches the organisations' reply mailboxes, looking often (every second) so that tests wait little.</summary>
    internal bool FetchMailboxes { get; init; }

    /// <summary>The key the mailbox passwords are encrypted with: a second host on the same database needs the first one's.</summary>
    internal string MailboxKey { get; init; } = MailboxSecrets.NewKey();

    /// <summary>The largest email fetched whole (Mailbox:MaxEmailBytes); null keeps the service's default.</summary>
    internal long? MaxEmailBytes { get; init; }

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

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Mailbox:FetchEnabled", FetchMailboxes ? "true" : "false");
        builder.UseSetting(MailboxSecrets.KeySetting, MailboxKey);
        if (FetchMailboxes)
        {
            builder.UseSetting("Mailbox:PollInterval", "00:00:01");
            builder.UseSetting("Mailbox:SettingsInterval", "00:00:01");
        }

        if (MaxEmailBytes is { } max)
        {
            builder.UseSetting("Mailbox:MaxEmailBytes", max.ToString(CultureInfo.InvariantCulture));
        }
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
