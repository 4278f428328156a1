using System.Collections.Concurrent;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The gateway on its own identity database (demo staff seeded: Development), with a recording stand-in for the
/// Dossier service behind the /api/dossiers route, so what the gateway forwards can be checked.
/// </summary>
public sealed class GatewayFactory : ServiceFactory<Program>
{
    private readonly WebApplication _dossierStandIn;

    public GatewayFactory()
        : base(ResourceNames.IdentityDb)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _dossierStandIn = builder.Build();
        _dossierStandIn.Map("/{**path}", (HttpContext context) =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            headers[":path"] = context.Request.Path.Value ?? "";
            Forwarded.Enqueue(headers);
            return Results.Ok();
        });
        _dossierStandIn.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>The headers (and, as ":path", the path) of every request the stand-in Dossier service received.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Forwarded { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"services:{ResourceNames.DossierApi}:http:0", _dossierStandIn.Urls.Single());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _dossierStandIn.DisposeAsync();
    }
}
