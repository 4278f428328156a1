using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>What an open back-office tab decides at each check, from the member as stored now.</summary>
public sealed class RevalidatingProviderTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Check_WithTheSameStampAndEnabled_Holds()
    {
        var (principal, _) = await SignedInMemberAsync();

        Assert.True(await StillHoldsAsync(principal));
    }

    [Fact]
    public async Task Check_AfterTheStampChanged_DoesNotHold()
    {
        var (principal, email) = await SignedInMemberAsync();

        await ChangeAsync(email, async (users, user) => await users.UpdateSecurityStampAsync(user));

        Assert.False(await StillHoldsAsync(principal));
    }

    [Fact]
    public async Task Check_OfADisabledMember_DoesNotHold_EvenWithTheSameStamp()
    {
        var (principal, email) = await SignedInMemberAsync();

        // Not through the administration, which renews the stamp too: the enabled flag alone must end the session.
        await ChangeAsync(email, async (users, user) =>
        {
            user.Disabled = true;
            return await users.UpdateAsync(user);
        });

        Assert.False(await StillHoldsAsync(principal));
    }

    [Fact]
    public async Task Check_OfAMemberWhoNoLongerExists_DoesNotHold()
    {
        var (principal, email) = await SignedInMemberAsync();

        await ChangeAsync(email, async (users, user) => await users.DeleteAsync(user));

        Assert.False(await StillHoldsAsync(principal));
    }

    /// <summary>A new member and the principal their sign-in gives the circuit (security stamp included).</summary>
    private async Task<(System.Security.Claims.ClaimsPrincipal Principal, string Email)> SignedInMemberAsync()
    {
        var email = $"agent-{Guid.NewGuid():N}@esf-valneve.test";
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email, Email = email, DisplayName = "Inès Vidal", OrganisationId = DemoOrganisations.EsfValNeve };
        Assert.True((await users.CreateAsync(user, "Neige!2027")).Succeeded);
        Assert.True((await users.AddToRoleAsync(user, StaffClaims.AgentRole)).Succeeded);
        return (await scope.ServiceProvider.GetRequiredService<SignInManager<StaffUser>>().CreateUserPrincipalAsync(user), email);
    }

    private async Task ChangeAsync(string email, Func<UserManager<StaffUser>, StaffUser, Task<IdentityResult>> change)
    {
        await using var scope = factory.Services.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        Assert.True((await change(users, (await users.FindByEmailAsync(email))!)).Succeeded);
    }

    private async Task<bool> StillHoldsAsync(System.Security.Claims.ClaimsPrincipal principal)
    {
        using var provider = ActivatorUtilities.CreateInstance<StaffRevalidatingAuthenticationStateProvider>(factory.Services);
        return await provider.StillHoldsAsync(principal);
    }
}
