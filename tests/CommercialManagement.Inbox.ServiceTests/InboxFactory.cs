using System.Net;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
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
