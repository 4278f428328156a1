using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Demo;

/// <summary>
/// Val Nevé's three organisations and their staff, seeded in Development only. The password is the README's
/// documented demo password; it never exists outside Development, and a published build does not even hold it (ADR 0019).
/// </summary>
internal static class IdentityDemoData
{
    public const string Password = "Demo!2026";

    private static readonly (string Email, string Name, Guid Organisation, string Role)[] Staff =
    [
        ("admin@valneve-office.test", "Camille Roche", DemoOrganisations.ValNeveOffice, StaffClaims.AdminRole),
        ("agent@valneve-office.test", "Lucas Girard", DemoOrganisations.ValNeveOffice, StaffClaims.AgentRole),
        ("admin@esf-valneve.test", "Sophie Blanc", DemoOrganisations.EsfValNeve, StaffClaims.AdminRole),
        ("agent@esf-valneve.test", "Hugo Favre", DemoOrganisations.EsfValNeve, StaffClaims.AgentRole),
        ("admin@chalet-melezes.test", "Marie Bonnet", DemoOrganisations.ChaletMelezes, StaffClaims.AdminRole),
        ("agent@chalet-melezes.test", "Julien Perrin", DemoOrganisations.ChaletMelezes, StaffClaims.AgentRole),
    ];

    public static async Task SeedIdentityDemoDataAsync(this WebApplication app)
    {
        if (!app.Environment.IsDevelopment())
        {
            return;
        }

        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var roles = scope.ServiceProvider.GetRequiredService<RoleManager<IdentityRole<Guid>>>();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        await DemoSeeding.ExclusivelyAsync(db, async () =>
        {

            foreach (var organisation in Organisations())
            {
                if (!await db.Organisations.AnyAsync(o => o.Id == organisation.Id))
                {
                    db.Organisations.Add(organisation);
                    db.AddToOutbox(organisation.ToChangedEvent(DateTimeOffset.UtcNow));
                }
            }

            await db.SaveChangesAsync();

            foreach (var role in new[] { StaffClaims.AdminRole, StaffClaims.AgentRole })
            {
                if (!await roles.RoleExistsAsync(role))
                {
                    Check(await roles.CreateAsync(new IdentityRole<Guid>(role)));
                }
            }

            foreach (var (email, name, organisation, role) in Staff)
            {
                if (await users.FindByEmailAsync(email) is not null)
                {
                    continue;
                }

                var user = new StaffUser
                {
                    Id = Guid.CreateVersion7(), UserName = email, Email = email, EmailConfirmed = true, DisplayName = name, OrganisationId = organisation,
                };
                // Saved by CreateAsync together with the member (the identity store saves through the same context).
                db.AddToOutbox(user.ToChangedEvent(role, DateTimeOffset.UtcNow));
                Check(await users.CreateAsync(user, Password));
                Check(await users.AddToRoleAsync(user, role));
            }
        });
    }

    private static IEnumerable<Organisation> Organisations()
    {
        yield return new Organisation(DemoOrganisations.ValNeveOffice, "Office de Tourisme de Val Nevé", OrganisationKind.BookingOffice)
        {
            Address = "1 place de la Mairie, 73500 Val Nevé",
            Siret = "81234567800019",
            VatNumber = "FR12812345678",
            TravelOperatorRegistration = "IM073190001",
            ContactEmail = "reservation@valneve-office.test",
            ContactPhone = "+33 4 79 00 00 01",
            QuoteNumberPrefix = "DEV",
            EmailSenderName = "Val Nevé Réservation",
            EmailReplyTo = "reservation@valneve-office.test",
            TermsOfSale = "Conditions générales de vente de la centrale de réservation de Val Nevé.",
            LegalForm = "SPL au capital de 150 000 €",
            TradeRegister = "RCS Chambéry",
            CancellationTerms = [.. CancellationTerms.Default],
        };
        yield return new Organisation(DemoOrganisations.EsfValNeve, "École du Ski Français de Val Nevé", OrganisationKind.SkiSchool)
        {
            Address = "Maison de l'ESF, 73500 Val Nevé",
            Siret = "78912345600027",
            VatNumber = "FR45789123456",
            ContactEmail = "contact@esf-valneve.test",
            ContactPhone = "+33 4 79 00 00 02",
            QuoteNumberPrefix = "ESF",
            DepositPercentage = 50,
            EmailSenderName = "ESF Val Nevé",
            EmailReplyTo = "contact@esf-valneve.test",
            TermsOfSale = "Conditions générales de vente de l'ESF de Val Nevé.",
            LegalForm = "SAS au capital de 50 000 €",
            TradeRegister = "RCS Chambéry",
            // Lessons are easily resold far ahead, hardly in the last days.
            CancellationTerms =
            [
                new() { MinDaysBeforeArrival = 15, RetainedPercent = 0 },
                new() { MinDaysBeforeArrival = 3, RetainedPercent = 50 },
                new() { MinDaysBeforeArrival = 0, RetainedPercent = 100 },
            ],
        };
        yield return new Organisation(DemoOrganisations.ChaletMelezes, "Chalet des Mélèzes", OrganisationKind.AccommodationProvider)
        {
            Address = "Route des Mélèzes, 73500 Val Nevé",
            Siret = "90123456700015",
            ContactEmail = "bonjour@chalet-melezes.test",
            ContactPhone = "+33 6 00 00 00 03",
            QuoteNumberPrefix = "CHM",
            EmailSenderName = "Chalet des Mélèzes",
            EmailReplyTo = "bonjour@chalet-melezes.test",
            TermsOfSale = "Conditions générales de location du Chalet des Mélèzes.",
            LegalForm = "SARL au capital de 20 000 €",
            TradeRegister = "RCS Chambéry",
            CancellationTerms =
            [
                new() { MinDaysBeforeArrival = 60, RetainedPercent = null },
                new() { MinDaysBeforeArrival = 30, RetainedPercent = 50 },
                new() { MinDaysBeforeArrival = 0, RetainedPercent = 100 },
            ],
        };
    }

    private static void Check(IdentityResult result)
    {
        if (!result.Succeeded)
        {
            throw new InvalidOperationException("Demo identity seeding failed: " + string.Join("; ", result.Errors.Select(e => e.Description)));
        }
    }
}
