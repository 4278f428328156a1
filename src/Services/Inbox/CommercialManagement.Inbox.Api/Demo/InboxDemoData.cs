using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.MailIn;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Demo;

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
        await DemoSeeding.ExclusivelyAsync(db, async () =>
        {
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
            await SeedMailboxesAsync(db, app.Configuration, app.Services.GetRequiredService<MailboxSecrets>(), app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
            await SeedRequestsAsync(db, websites, app.Services.GetRequiredService<TimeProvider>().GetUtcNow());
        });
    }

    /// <summary>The demo organisations' reply mailboxes: the AppHost's mail catcher user of each, and <c>reponses@{domain}</c>.</summary>
    private static readonly (Guid OrganisationId, string User, string Domain)[] DemoMailboxes =
    [
        (DemoOrganisations.ValNeveOffice, "valneve-office", "valneve-office.test"),
        (DemoOrganisations.EsfValNeve, "esf-valneve", "esf-valneve.test"),
        (DemoOrganisations.ChaletMelezes, "chalet-melezes", "chalet-melezes.test"),
    ];

    /// <summary>
    /// Each demo organisation's reply mailbox on the mail catcher's IMAP server (issue 18), before the requests so that
    /// their emails already carry the tagged reply address. The server's port changes with every run: a demo mailbox still
    /// on it follows; one that staff pointed elsewhere is left alone. Nothing without the AppHost's IMAP server.
    /// </summary>
    private static async Task SeedMailboxesAsync(InboxDbContext db, IConfiguration configuration, MailboxSecrets secrets, DateTimeOffset now)
    {
        if (configuration.GetConnectionString(ResourceNames.Imap) is not { Length: > 0 } imap || configuration["Demo:MailboxPassword"] is not { Length: > 0 } password
            || !secrets.IsConfigured || !Uri.TryCreate(imap, UriKind.Absolute, out var server))
        {
            return;
        }

        var ids = DemoMailboxes.Select(m => m.OrganisationId).ToList();
        var existing = await db.Mailboxes.IgnoreQueryFilters().Where(m => ids.Contains(m.OrganisationId)).ToListAsync();
        foreach (var (organisationId, user, domain) in DemoMailboxes)
        {
            var mailbox = existing.SingleOrDefault(m => m.OrganisationId == organisationId);
            if (mailbox is not null && (mailbox.Host != server.Host || mailbox.UserName != user))
            {
                continue;
            }

            if (mailbox is null)
            {
                mailbox = Mailbox.For(organisationId);
                db.Mailboxes.Add(mailbox);
                db.AddToOutbox(new ReplyMailboxChanged { OrganisationId = organisationId, OccurredAt = now, ReplyAddress = $"reponses@{domain}" });
            }

            if (mailbox.Port != server.Port || secrets.Decrypt(organisationId, mailbox.PasswordCipher) != password)
            {
                mailbox.Configure(
                    existing.Contains(mailbox) ? mailbox.Enabled : true, $"reponses@{domain}", server.Host, server.Port, MailboxSecurity.None, user,
                    secrets.Encrypt(organisationId, password), "INBOX", null, now);
            }
        }

        await db.SaveChangesAsync();
    }

    /// <summary>
    /// The demo cases' requests (<see cref="DemoCases"/>), each added once by its fixed id. They go through the outbox
    /// like real ones: cases open, acknowledgements land in the mail catcher, and the other services play the rest
    /// of the story.
    /// </summary>
    private static async Task SeedRequestsAsync(InboxDbContext db, Website[] websites, DateTimeOffset now)
    {
        var ids = DemoCases.All.Select(c => c.Id).ToList();
        var seeded = await db.Requests.IgnoreQueryFilters().Where(r => ids.Contains(r.Id)).Select(r => r.Id).ToListAsync();
        var today = DateOnly.FromDateTime(now.UtcDateTime);
        foreach (var item in DemoCases.All.Where(c => !seeded.Contains(c.Id)))
        {
            var receivedAt = now.AddHours(-item.HoursAgo);
            var arrival = today.AddDays(item.ArrivalInDays);
            var request = Request.FromWebsite(
                websites.First(w => w.OrganisationId == item.OrganisationId), new Customer(item.Name, item.Email, item.Phone),
                new Stay(arrival, arrival.AddDays(item.Nights), item.Adults, item.Children), item.Message, consent: true, item.Language, receivedAt, item.Id);
            db.Requests.Add(request);
            db.AddToOutbox(request.ToReceivedEvent());
            if (item.Read)
            {
                // Read as staff would: the dossier's card loses its new-message mark too.
                request.MarkRead();
                db.AddToOutbox(new ConversationRead { OrganisationId = request.OrganisationId, OccurredAt = receivedAt.AddMinutes(30), RequestId = request.Id, StaffId = Guid.Empty });
            }
            if (item.FollowUp is { } followUp)
            {
                db.Messages.Add(ConversationMessage.FromCustomer(request, followUp, receivedAt.AddHours(2)));
            }
        }

        await db.SaveChangesAsync();
    }
}
