using System.Security.Claims;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Gateway.Identity;

/// <summary>The signed-in principal carries exactly the staff claims that travel on to the services.</summary>
internal sealed class StaffPrincipalFactory(UserManager<StaffUser> users, IOptions<IdentityOptions> options)
    : IUserClaimsPrincipalFactory<StaffUser>
{
    public async Task<ClaimsPrincipal> CreateAsync(StaffUser user)
    {
        var roles = await users.GetRolesAsync(user);
        var principal = StaffTokenIssuer.Principal(user.Id, user.DisplayName, user.Email ?? "", user.OrganisationId, roles, IdentityConstants.ApplicationScheme);
        if (users.SupportsUserSecurityStamp)
        {
            ((ClaimsIdentity)principal.Identity!).AddClaim(
                new Claim(options.Value.ClaimsIdentity.SecurityStampClaimType, await users.GetSecurityStampAsync(user)));
        }

        return principal;
    }
}

/// <summary>Refuses sign-in to disabled staff, whatever their password, and ends their cookie sessions at its next check.</summary>
internal sealed class StaffSignInManager(
    UserManager<StaffUser> userManager,
    IHttpContextAccessor contextAccessor,
    IUserClaimsPrincipalFactory<StaffUser> claimsFactory,
    IOptions<IdentityOptions> optionsAccessor,
    ILogger<SignInManager<StaffUser>> logger,
    Microsoft.AspNetCore.Authentication.IAuthenticationSchemeProvider schemes,
    IUserConfirmation<StaffUser> confirmation)
    : SignInManager<StaffUser>(userManager, contextAccessor, claimsFactory, optionsAccessor, logger, schemes, confirmation)
{
    public override async Task<bool> CanSignInAsync(StaffUser user) => !user.Disabled && await base.CanSignInAsync(user);

    /// <summary>The login cookie's periodic check: the same rule as an open tab's and an API token's (<see cref="StaffSession"/>).</summary>
    public override async Task<bool> ValidateSecurityStampAsync(StaffUser? user, string? securityStamp) =>
        user is { Disabled: false } && await base.ValidateSecurityStampAsync(user, securityStamp);
}
