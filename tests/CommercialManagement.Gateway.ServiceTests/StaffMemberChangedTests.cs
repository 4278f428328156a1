using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>Every change to a staff member leaves through the outbox as StaffMemberChanged, with their whole state.</summary>
public sealed class StaffMemberChangedTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    private StaffAdministration Staff => factory.Services.GetRequiredService<StaffAdministration>();

    private async Task<Guid> UserIdAsync(string email)
    {
        using var scope = factory.Services.CreateScope();
        return (await scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>().FindByEmailAsync(email))!.Id;
    }

    [Fact]
    public async Task Staff_Created_IsPublishedActiveWithTheirRole()
    {
        Assert.Empty(await Staff.CreateAsync(DemoOrganisations.EsfValNeve, await UserIdAsync("admin@esf-valneve.test"), "Chloé Ferrand", "chloe@esf-valneve.test", "Agent", "Neige!2027"));

        var changed = await factory.PublishedAsync<StaffMemberChanged>(e => e.Email == "chloe@esf-valneve.test");
        Assert.Equal(await UserIdAsync("chloe@esf-valneve.test"), changed.StaffId);
        Assert.Equal(DemoOrganisations.EsfValNeve, changed.OrganisationId);
        Assert.Equal("Chloé Ferrand", changed.Name);
        Assert.Equal("Agent", changed.Role);
        Assert.True(changed.Active);
        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'email' = 'chloe@esf-valneve.test'",
            typeof(StaffMemberChanged).FullName!));
    }

    [Fact]
    public async Task Staff_DisabledThenEnabled_IsPublishedInactiveThenActive()
    {
        var admin = await UserIdAsync("admin@esf-valneve.test");
        Assert.Empty(await Staff.CreateAsync(DemoOrganisations.EsfValNeve, await UserIdAsync("admin@esf-valneve.test"), "Théo Garnier", "theo@esf-valneve.test", "Agent", "Neige!2027"));
        var theo = await UserIdAsync("theo@esf-valneve.test");

        Assert.Null(await Staff.SetDisabledAsync(DemoOrganisations.EsfValNeve, admin, theo, disabled: true));
        var disabled = await factory.PublishedAsync<StaffMemberChanged>(e => e.StaffId == theo && !e.Active);
        Assert.Null(await Staff.SetDisabledAsync(DemoOrganisations.EsfValNeve, admin, theo, disabled: false));
        var enabled = await factory.PublishedAsync<StaffMemberChanged>(e => e.StaffId == theo && e.Active && e.OccurredAt > disabled.OccurredAt);

        Assert.Equal("Agent", disabled.Role);
        Assert.Equal("theo@esf-valneve.test", enabled.Email);
    }

    [Fact]
    public async Task Staff_GivenAnotherRole_IsPublishedWithTheNewRole()
    {
        var admin = await UserIdAsync("admin@esf-valneve.test");
        Assert.Empty(await Staff.CreateAsync(DemoOrganisations.EsfValNeve, await UserIdAsync("admin@esf-valneve.test"), "Inès Roux", "ines@esf-valneve.test", "Agent", "Neige!2027"));
        var ines = await UserIdAsync("ines@esf-valneve.test");

        Assert.Null(await Staff.SetRoleAsync(DemoOrganisations.EsfValNeve, admin, ines, "Admin"));

        var changed = await factory.PublishedAsync<StaffMemberChanged>(e => e.StaffId == ines && e.Role == "Admin");
        Assert.True(changed.Active);
    }

    [Fact]
    public async Task Staff_RefusedAtCreation_LeavesNeitherMemberNorEvent()
    {
        var errors = await Staff.CreateAsync(DemoOrganisations.EsfValNeve, await UserIdAsync("admin@esf-valneve.test"), "Paul Court", "paul.court@esf-valneve.test", "Agent", "court");

        Assert.NotEmpty(errors);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM \"AspNetUsers\" WHERE \"Email\" = 'paul.court@esf-valneve.test'"));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'email' = 'paul.court@esf-valneve.test'"));
    }

    [Fact]
    public async Task DemoStaff_Seeded_ArePublished()
    {
        var changed = await factory.PublishedAsync<StaffMemberChanged>(e => e.Email == "agent@chalet-melezes.test");

        Assert.Equal(DemoOrganisations.ChaletMelezes, changed.OrganisationId);
        Assert.Equal("Julien Perrin", changed.Name);
        Assert.Equal("Agent", changed.Role);
        Assert.True(changed.Active);
        Assert.Equal(await UserIdAsync("agent@chalet-melezes.test"), changed.StaffId);
    }
}
