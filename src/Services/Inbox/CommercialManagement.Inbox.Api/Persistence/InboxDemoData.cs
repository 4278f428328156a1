using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.BuildingBlocks.Messaging;
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
        await SeedRequestsAsync(db, websites, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
    }

    /// <summary>
    /// A few requests per organisation, so that a newcomer's « Demandes » is not empty; only into an organisation that
    /// has none yet. They go through the outbox like real ones: cases open and acknowledgements land in the mail catcher.
    /// </summary>
    private static async Task SeedRequestsAsync(InboxDbContext db, Website[] websites, DateTimeOffset now)
    {
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        var winter = today.AddDays(45);
        (int Website, string Name, string Email, string? Phone, int ArrivalIn, int Nights, int Adults, int[] Children, string Message, string Language, int HoursAgo, string? FollowUp, bool Read)[] demo =
        [
            (0, "Camille Rousseau", "camille.rousseau@example.com", "+33 6 45 12 78 90", 0, 7, 2, [9, 6], "Bonjour, nous cherchons un appartement pour 4 au pied des pistes, avec forfaits et cours de ski pour les enfants. Merci !", "fr", 3, null, false),
            (0, "James Whitaker", "james.whitaker@example.co.uk", "+44 7700 900123", 14, 7, 2, [], "Hello, could you suggest a hotel close to the lifts for a week in February? We are two adults.", "en", 26, "Also, is ski hire available in the village?", false),
            (0, "Nathalie Garnier", "nathalie.garnier@example.com", null, 30, 4, 3, [], "Un week-end prolongé pour trois amies : quelle formule avec spa ?", "fr", 50, null, true),
            (1, "Thomas Lemoine", "thomas.lemoine@example.com", "06 22 33 44 55", 0, 6, 1, [7, 11], "Cours collectifs pour mes deux enfants (7 et 11 ans), niveau débutant et flocon.", "fr", 5, null, false),
            (2, "Inès Moreau", "ines.moreau@example.com", "07 81 92 03 14", 7, 7, 6, [4, 8], "Le chalet est-il disponible pour 8 personnes à ces dates ? Nous avons un chien.", "fr", 9, null, false),
        ];

        foreach (var group in demo.GroupBy(d => websites[d.Website].OrganisationId))
        {
            if (await db.Requests.IgnoreQueryFilters().AnyAsync(r => r.OrganisationId == group.Key))
            {
                continue;
            }

            foreach (var item in group)
            {
                var receivedAt = now.AddHours(-item.HoursAgo);
                var arrival = winter.AddDays(item.ArrivalIn);
                var request = Request.FromWebsite(
                    websites[item.Website], new Customer(item.Name, item.Email, item.Phone),
                    new Stay(arrival, arrival.AddDays(item.Nights), item.Adults, item.Children), item.Message, consent: true, item.Language, receivedAt);
                if (item.Read)
                {
                    request.MarkRead();
                }

                db.Requests.Add(request);
                db.AddToOutbox(request.ToReceivedEvent());
                if (item.FollowUp is { } followUp)
                {
                    db.Messages.Add(ConversationMessage.FromCustomer(request, followUp, receivedAt.AddHours(2)));
                }
            }
        }

        await db.SaveChangesAsync();
    }
}
