using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Inbox.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Persistence;

internal static class InboxDemoData
{
    /// <summary>The demo websites of Val Nevé; Development only, never in Production.</summary>
    public static async Task SeedInboxDemoDataAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
        // The demo website's origin: fixed (5102) for the run command, random in the end-to-end tests.
        var demoOrigins = new[] { "http://localhost:5102", "http://127.0.0.1:5102", app.Configuration["Demo:WebsiteOrigin"] }
            .Where(o => !string.IsNullOrWhiteSpace(o)).Select(o => o!.TrimEnd('/').ToLowerInvariant()).Distinct().ToArray();
        Website[] websites =
        [
            new(new Guid("0b5e7a10-0000-4000-8001-000000000001"), DemoOrganisations.ValNeveOffice, "Val Nevé — site de la destination", DemoOrganisations.ValNeveOfficeSiteKey, demoOrigins),
            new(new Guid("0b5e7a10-0000-4000-8001-000000000002"), DemoOrganisations.EsfValNeve, "ESF Val Nevé — boutique", DemoOrganisations.EsfValNeveSiteKey, demoOrigins),
            new(new Guid("0b5e7a10-0000-4000-8001-000000000003"), DemoOrganisations.ChaletMelezes, "Chalet des Mélèzes", DemoOrganisations.ChaletMelezesSiteKey, demoOrigins),
        ];

        var existing = await db.Websites.IgnoreQueryFilters().Where(w => websites.Select(d => d.Id).Contains(w.Id)).ToListAsync();
        db.Websites.AddRange(websites.Where(w => existing.All(e => e.Id != w.Id)));
        foreach (var website in existing.Where(w => demoOrigins.Except(w.AllowedOrigins).Any()))
        {
            website.AllowOrigins(website.AllowedOrigins.Union(demoOrigins));
        }

        await db.SaveChangesAsync();
    }
}
