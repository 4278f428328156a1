using System.Net;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

public sealed class AdministrationTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task OrganisationSettings_Saved_ArePublishedAsOrganisationChanged()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.EsfValNeve);
        form.DepositPercentage = 40;
        form.QuoteNumberPrefix = "ESFV";
        form.AlertsByEmail = false;

        Assert.Empty(await organisations.SaveAsync(DemoOrganisations.EsfValNeve, await UserIdAsync("admin@esf-valneve.test"), form));

        var changed = await factory.PublishedAsync<OrganisationChanged>(e => e.OrganisationId == DemoOrganisations.EsfValNeve && e.DepositPercentage == 40);
        Assert.Equal("ESFV", changed.QuoteNumberPrefix);
        Assert.Equal("École du Ski Français de Val Nevé", changed.Name);
        Assert.Equal("SkiSchool", changed.Kind);
        Assert.False(changed.AlertsByEmail);
        Assert.False((await organisations.GetAsync(DemoOrganisations.EsfValNeve)).Form.AlertsByEmail);
        Assert.Equal(40, (await organisations.GetAsync(DemoOrganisations.EsfValNeve)).Form.DepositPercentage);
    }

    [Fact]
    public async Task OrganisationSettings_WithADepositOver100_AreRefusedAndNothingChanges()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.ChaletMelezes);
        form.DepositPercentage = 120;

        var refused = await organisations.SaveAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), form);

        Assert.Equal(["L'acompte est un pourcentage entre 0 et 100."], refused);
        Assert.Equal(30, (await organisations.GetAsync(DemoOrganisations.ChaletMelezes)).Form.DepositPercentage);
    }

    [Fact]
    public async Task Accounting_SavedByAnAdmin_IsPublished_WithTheRatesOwnAccounts_AndTheDefaultsElsewhere()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.EsfValNeve);
        Assert.Equal(("VE", "BQ", "411000", "706000", "445710", "467100", "512000"), (form.Accounting.SalesJournalCode, form.Accounting.BankJournalCode,
            form.Accounting.CustomerAccount, form.Accounting.SalesAccount, form.Accounting.VatAccount, form.Accounting.TouristTaxAccount, form.Accounting.BankAccount));
        form.Accounting.SalesByRate[2000] = "706200";
        form.Accounting.VatByRate[2000] = "445711";
        form.Accounting.BankAccount = "512100";
        form.Accounting.CustomerAuxiliaryAccounts = false;

        Assert.Empty(await organisations.SaveAsync(DemoOrganisations.EsfValNeve, await UserIdAsync("admin@esf-valneve.test"), form));

        var changed = await factory.PublishedAsync<OrganisationChanged>(e => e.OrganisationId == DemoOrganisations.EsfValNeve && e.Accounting?.BankAccount == "512100");
        var accounting = changed.Accounting!;
        Assert.Equal(("706200", "445711", "706000", "445710"), (accounting.SalesAccountFor(2000), accounting.VatAccountFor(2000), accounting.SalesAccountFor(1000), accounting.VatAccountFor(1000)));
        Assert.False(accounting.CustomerAuxiliaryAccounts);
        Assert.Equal("512100", (await organisations.GetAsync(DemoOrganisations.EsfValNeve)).Form.Accounting.BankAccount);
    }

    [Fact]
    public async Task Accounting_WithASupplierAccountForCustomers_IsRefusedInFrench_AndNothingIsSaved()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.ChaletMelezes);
        form.Accounting.CustomerAccount = "401000";
        form.Accounting.BankJournalCode = "VE";

        var refused = await organisations.SaveAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), form);

        Assert.Equal(
            ["Les journaux des ventes et de banque ont chacun leur code.", "Le compte clients est un numéro de 3 à 12 chiffres qui commence par 411."],
            refused);
        Assert.Equal("411000", (await organisations.GetAsync(DemoOrganisations.ChaletMelezes)).Form.Accounting.CustomerAccount);
    }

    [Fact]
    public async Task CancellationTerms_SavedByAnAdmin_ArePublishedMostDaysFirst_AndOnceResetAreTheDefaultsAgain()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var admin = await UserIdAsync("admin@valneve-office.test");
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.ValNeveOffice);
        Assert.Equal([31, 8, 0], form.CancellationTerms.Select(r => r.MinDaysBeforeArrival)); // the demo office's: the defaults, written out
        form.CancellationTerms =
        [
            new CancellationTermRow { MinDaysBeforeArrival = 0, RetainedPercent = 100 },
            new CancellationTermRow { MinDaysBeforeArrival = 45, RetainsDeposit = true },
            new CancellationTermRow { MinDaysBeforeArrival = 10, RetainedPercent = 25 },
        ];

        Assert.Empty(await organisations.SaveAsync(DemoOrganisations.ValNeveOffice, admin, form));

        var changed = await factory.PublishedAsync<OrganisationChanged>(e =>
            e.OrganisationId == DemoOrganisations.ValNeveOffice && e.CancellationTerms?.FirstOrDefault()?.MinDaysBeforeArrival == 45);
        Assert.Equal(
            [new CancellationTier { MinDaysBeforeArrival = 45 }, new CancellationTier { MinDaysBeforeArrival = 10, RetainedPercent = 25 }, new CancellationTier { MinDaysBeforeArrival = 0, RetainedPercent = 100 }],
            changed.CancellationTerms!);
        var saved = (await organisations.GetAsync(DemoOrganisations.ValNeveOffice)).Form;
        Assert.Equal([(45, true, 0), (10, false, 25), (0, false, 100)], saved.CancellationTerms.Select(r => (r.MinDaysBeforeArrival, r.RetainsDeposit, r.RetainedPercent)));

        // « Rétablir les conditions par défaut »: none of its own, published as none (the defaults).
        saved.CancellationTerms = [];
        saved.QuoteNumberPrefix = "DEFAUT";
        Assert.Empty(await organisations.SaveAsync(DemoOrganisations.ValNeveOffice, admin, saved));

        var reset = await factory.PublishedAsync<OrganisationChanged>(e => e.OrganisationId == DemoOrganisations.ValNeveOffice && e.QuoteNumberPrefix == "DEFAUT");
        Assert.Null(reset.CancellationTerms);
        Assert.Empty((await organisations.GetAsync(DemoOrganisations.ValNeveOffice)).Form.CancellationTerms);
    }

    [Fact]
    public async Task CancellationTerms_WithoutARowForTheLastDays_AreRefusedInFrench_AndNothingIsSaved()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.ChaletMelezes);
        var before = form.CancellationTerms.Select(r => (r.MinDaysBeforeArrival, r.RetainsDeposit, r.RetainedPercent)).ToList();
        form.CancellationTerms =
        [
            new CancellationTermRow { MinDaysBeforeArrival = 20, RetainsDeposit = true },
            new CancellationTermRow { MinDaysBeforeArrival = 5, RetainedPercent = 140 },
        ];
        form.ContactPhone = "+33 6 99 99 99 99";

        var refused = await organisations.SaveAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), form);

        Assert.Equal(
            [
                "La part retenue est un pourcentage entre 0 et 100.",
                "Un palier doit commencer à 0 jour : il dit ce qui est retenu pour une annulation la veille ou le jour de l'arrivée.",
            ],
            refused);
        var after = (await organisations.GetAsync(DemoOrganisations.ChaletMelezes)).Form;
        Assert.Equal(before, after.CancellationTerms.Select(r => (r.MinDaysBeforeArrival, r.RetainsDeposit, r.RetainedPercent)));
        Assert.NotEqual("+33 6 99 99 99 99", after.ContactPhone);
        Assert.False(factory.Harness.Published.Select<OrganisationChanged>(m => m.Context.Message.ContactPhone == "+33 6 99 99 99 99").Any());
    }

    [Fact]
    public async Task OrganisationSettings_SavedByAnAgent_AreRefused_AndNothingIsSavedOrPublished()
    {
        var organisations = factory.Services.GetRequiredService<OrganisationAdministration>();
        var (_, _, form) = await organisations.GetAsync(DemoOrganisations.ChaletMelezes);
        form.CancellationTerms = [new CancellationTermRow { MinDaysBeforeArrival = 0, RetainedPercent = 0 }];
        form.EmailSenderName = "Agent pressé";

        var refused = await organisations.SaveAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("agent@chalet-melezes.test"), form);

        Assert.Equal([StaffAdministration.NoLongerAdmin], refused);
        var after = (await organisations.GetAsync(DemoOrganisations.ChaletMelezes)).Form;
        Assert.NotEqual("Agent pressé", after.EmailSenderName);
        Assert.NotEqual([0], after.CancellationTerms.Select(r => r.MinDaysBeforeArrival));
        Assert.False(factory.Harness.Published.Select<OrganisationChanged>(m => m.Context.Message.EmailSenderName == "Agent pressé").Any());
    }

    [Fact]
    public async Task Staff_OfAnotherOrganisation_CannotBeDisabledOrListed()
    {
        var staff = factory.Services.GetRequiredService<StaffAdministration>();
        var officeAdmin = await UserIdAsync("admin@valneve-office.test");
        var skiSchoolAgent = await UserIdAsync("agent@esf-valneve.test");

        var error = await staff.SetDisabledAsync(DemoOrganisations.ValNeveOffice, officeAdmin, skiSchoolAgent, disabled: true);
        var listed = await staff.ListAsync(DemoOrganisations.ValNeveOffice);

        Assert.Equal("Ce membre de l'équipe est introuvable.", error);
        Assert.DoesNotContain(listed, row => row.Id == skiSchoolAgent);
        Assert.All(listed, row => Assert.EndsWith("@valneve-office.test", row.Email, StringComparison.Ordinal));
        Assert.Equal(HttpStatusCode.OK, (await TokenTests.RequestTokenAsync(factory.CreateClient(), "agent@esf-valneve.test", TokenTests.DemoPassword)).StatusCode);
    }

    [Fact]
    public async Task Staff_CreatedByAnAdmin_CanSignInAndOnceDisabledCannot()
    {
        var staff = factory.Services.GetRequiredService<StaffAdministration>();
        var admin = await UserIdAsync("admin@chalet-melezes.test");

        var errors = await staff.CreateAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), "Léa Martin", "lea@chalet-melezes.test", "Agent", "Neige!2027");
        Assert.Empty(errors);
        Assert.Equal(HttpStatusCode.OK, (await TokenTests.RequestTokenAsync(factory.CreateClient(), "lea@chalet-melezes.test", "Neige!2027")).StatusCode);

        Assert.Null(await staff.SetDisabledAsync(DemoOrganisations.ChaletMelezes, admin, await UserIdAsync("lea@chalet-melezes.test"), disabled: true));

        Assert.Equal(HttpStatusCode.Unauthorized, (await TokenTests.RequestTokenAsync(factory.CreateClient(), "lea@chalet-melezes.test", "Neige!2027")).StatusCode);
    }

    [Fact]
    public async Task Staff_WithAWeakPassword_IsRefusedInFrench()
    {
        var staff = factory.Services.GetRequiredService<StaffAdministration>();

        var errors = await staff.CreateAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), "Paul", "paul@chalet-melezes.test", "Agent", "court");

        Assert.Contains("Le mot de passe doit compter au moins 8 caractères.", errors);
        Assert.Contains("Le mot de passe doit contenir un chiffre.", errors);
    }

    [Fact]
    public async Task Staff_AnAdminCannotDisableThemself()
    {
        var staff = factory.Services.GetRequiredService<StaffAdministration>();
        var admin = await UserIdAsync("admin@valneve-office.test");

        Assert.Equal("Vous ne pouvez pas désactiver votre propre compte.", await staff.SetDisabledAsync(DemoOrganisations.ValNeveOffice, admin, admin, disabled: true));
    }
    [Fact]
    public async Task Staff_ChangedByAnAdminDemotedAMomentAgo_IsRefusedAtOnce()
    {
        var staff = factory.Services.GetRequiredService<StaffAdministration>();
        var admin = await UserIdAsync("admin@chalet-melezes.test");
        var email = $"admin-{Guid.NewGuid():N}@chalet-melezes.test";
        Assert.Empty(await staff.CreateAsync(DemoOrganisations.ChaletMelezes, await UserIdAsync("admin@chalet-melezes.test"), "Zoé Arnaud", email, "Admin", "Neige!2027"));
        var demoted = await UserIdAsync(email);
        Assert.Null(await staff.SetRoleAsync(DemoOrganisations.ChaletMelezes, admin, demoted, "Agent"));

        // Their Paramètres page may still be open (until its next check): what they do there is refused, now.
        var agent = await UserIdAsync("agent@chalet-melezes.test");
        Assert.Equal(StaffAdministration.NoLongerAdmin, await staff.SetRoleAsync(DemoOrganisations.ChaletMelezes, demoted, agent, "Admin"));
        Assert.Equal(StaffAdministration.NoLongerAdmin, await staff.SetDisabledAsync(DemoOrganisations.ChaletMelezes, demoted, agent, disabled: true));
        var lasting = $"lasting-{Guid.NewGuid():N}@chalet-melezes.test";
        Assert.Equal([StaffAdministration.NoLongerAdmin], await staff.CreateAsync(DemoOrganisations.ChaletMelezes, demoted, "Compte durable", lasting, "Admin", "Neige!2027"));
        Assert.DoesNotContain(await staff.ListAsync(DemoOrganisations.ChaletMelezes), row => row.Email == lasting);
        Assert.Contains(await staff.ListAsync(DemoOrganisations.ChaletMelezes), row => row.Id == agent && row.Role == "Agent" && !row.Disabled);
    }
}
