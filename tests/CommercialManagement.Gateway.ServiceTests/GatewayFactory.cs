using System.Collections.Concurrent;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The gateway on its own identity database (demo staff seeded: Development), with a recording stand-in for the
/// Dossier service behind the /api/dossiers route, so what the gateway forwards can be checked, and a stand-in Inbox
/// answering the customer space's calls for one known token.
/// </summary>
public sealed class GatewayFactory : ServiceFactory<Program>
{
    /// <summary>The customer-space token the stand-in Inbox knows; any other is unknown.</summary>
    public const string SpaceToken = "Zk3xq9V0bU2nC7dP4rT8yW1aE6hJ5mL0sG9fK2vB3cN";

    /// <summary>A token for which the stand-in Inbox fails, as a service that is down or restarting.</summary>
    public const string BrokenSpaceToken = "Broken0000000000000000000000000000000000000";

    private readonly WebApplication _dossierStandIn;
    private readonly WebApplication _inboxStandIn;

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

        var inbox = WebApplication.CreateSlimBuilder();
        inbox.WebHost.UseUrls("http://127.0.0.1:0");
        _inboxStandIn = inbox.Build();
        _inboxStandIn.MapGet("/public/spaces/{token}", (string token) => token == BrokenSpaceToken
            ? Results.StatusCode(500)
            : token == SpaceToken
            ? Results.Json(new
            {
                requestId = Guid.NewGuid(),
                organisationId = BuildingBlocks.Demo.DemoOrganisations.ValNeveOffice,
                customerName = "Élodie Martin",
                language = "fr",
                receivedAt = DateTimeOffset.Parse("2026-11-28T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
                arrival = "2027-02-13",
                departure = "2027-02-20",
                adults = 2,
                children = 1,
                messages = new object[]
                {
                    new { id = Guid.NewGuid(), fromCustomer = true, authorName = "Élodie Martin", postedAt = "2026-11-28T09:00:00Z", body = "<script>alert('x')</script> Un chalet ?" },
                    new { id = Guid.NewGuid(), fromCustomer = false, authorName = "Julien Perrin", postedAt = "2026-11-28T10:00:00Z", body = "Bonjour, oui." },
                },
            })
            : Results.Problem(title: "Ce lien n'est plus valide.", statusCode: 404));
        _inboxStandIn.MapPost("/public/spaces/{token}/messages", async (string token, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            CustomerReplies.Enqueue(body);
            return body.Contains("\"body\":\"\"", StringComparison.Ordinal)
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Le message est vide : écrivez quelque chose avant d'envoyer."] })
                : Results.Created($"/public/spaces/{token}", new { });
        });
        _inboxStandIn.StartAsync().GetAwaiter().GetResult();
    }

    /// <summary>The JSON bodies the stand-in Inbox received for customer replies.</summary>
    public ConcurrentQueue<string> CustomerReplies { get; } = new();

    /// <summary>The headers (and, as ":path", the path) of every request the stand-in Dossier service received.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Forwarded { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"services:{ResourceNames.DossierApi}:http:0", _dossierStandIn.Urls.Single());
        builder.UseSetting($"services:{ResourceNames.InboxApi}:http:0", _inboxStandIn.Urls.Single());
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _dossierStandIn.DisposeAsync();
        await _inboxStandIn.DisposeAsync();
    }
}
