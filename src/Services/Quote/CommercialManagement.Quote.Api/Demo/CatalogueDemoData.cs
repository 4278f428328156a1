using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Demo;

/// <summary>
/// Val Nevé's catalogue for the winter 2026–2027 (Development only): thirty products of the three demo organisations,
/// with season prices and availability for every date, so the panel is full. Only missing products are added, so an
/// Admin's changes survive a restart.
/// </summary>
internal static class CatalogueDemoData
{
    public static async Task SeedCatalogueDemoDataAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<QuoteDbContext>();
        await DemoSeeding.ExclusivelyAsync(db, async () =>
        {
            var now = app.Services.GetRequiredService<TimeProvider>().GetUtcNow();
            await SeedOrganisationsAsync(db);

            var products = DemoProducts.All().ToList();
            var ids = products.Select(p => p.Id).ToList();
            var existing = await db.Products.IgnoreQueryFilters().Where(p => ids.Contains(p.Id)).Select(p => p.Id).ToListAsync();
            foreach (var (id, organisation, spec) in products.Where(p => !existing.Contains(p.Id)))
            {
                await using var transaction = await db.Database.BeginTransactionAsync();
                var product = Product.Create(id, organisation, spec, now);
                db.Products.Add(product);
                await db.SaveChangesAsync();
                await db.OpenDatesAsync(product, CancellationToken.None);
                await transaction.CommitAsync();
            }
        });
    }

    /// <summary>
    /// The demo organisations' copies, in case the gateway's <c>OrganisationChanged</c> went out before this service's
    /// queue existed; dated at the dawn of time, so the real event wins whenever it arrives.
    /// </summary>
    private static async Task SeedOrganisationsAsync(QuoteDbContext db)
    {
        (Guid Id, string Name, string Kind, string Prefix, int Deposit)[] organisations =
        [
            (DemoOrganisations.ValNeveOffice, "Office de Tourisme de Val Nevé", OrganisationCopy.BookingOffice, "DEV", 30),
            (DemoOrganisations.EsfValNeve, "École du Ski Français de Val Nevé", "SkiSchool", "ESF", 50),
            (DemoOrganisations.ChaletMelezes, "Chalet des Mélèzes", "AccommodationProvider", "CHM", 30),
        ];
        var known = await db.Organisations.IgnoreQueryFilters().Select(o => o.OrganisationId).ToListAsync();
        foreach (var o in organisations.Where(o => !known.Contains(o.Id)))
        {
            db.Organisations.Add(OrganisationCopy.From(new OrganisationChanged
            {
                OrganisationId = o.Id, OccurredAt = DateTimeOffset.UnixEpoch, Name = o.Name, Kind = o.Kind, Address = "73500 Val Nevé",
                ContactEmail = "contact@valneve.test", DepositPercentage = o.Deposit, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7,
                QuoteNumberPrefix = o.Prefix, TermsOfSale = "", EmailSenderName = o.Name,
            }));
        }

        await db.SaveChangesAsync();
    }
}
