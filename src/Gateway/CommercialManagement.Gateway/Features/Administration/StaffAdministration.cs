using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.Administration;

internal sealed record StaffRow(Guid Id, string Name, string Email, string Role, bool Disabled, bool LockedOut);

/// <summary>An admin manages the staff of their own organisation, and only theirs.</summary>
internal sealed class StaffAdministration(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    public async Task<IReadOnlyList<StaffRow>> ListAsync(Guid organisationId)
    {
        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var staff = await users.Users.Where(u => u.OrganisationId == organisationId).OrderBy(u => u.DisplayName).ToListAsync();
        var rows = new List<StaffRow>();
        foreach (var user in staff)
        {
            var role = (await users.GetRolesAsync(user)).FirstOrDefault() ?? StaffClaims.AgentRole;
            rows.Add(new StaffRow(user.Id, user.DisplayName, user.Email ?? "", role, user.Disabled, user.LockoutEnd > timeProvider.GetUtcNow()));
        }

        return rows;
    }

    public async Task<IReadOnlyList<string>> CreateAsync(Guid organisationId, string name, string email, string role, string password)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            return ["Le nom est obligatoire."];
        }

        if (role is not (StaffClaims.AdminRole or StaffClaims.AgentRole))
        {
            return ["Le rôle doit être Admin ou Agent."];
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = name.Trim(), OrganisationId = organisationId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            // Nothing half-stored: a member without a role is removed again.
            await users.DeleteAsync(user);
        }

        return [.. added.Errors.Select(e => e.Description)];
    }

    public async Task<string?> SetRoleAsync(Guid organisationId, Guid actingUserId, Guid userId, string role)
    {
        if (userId == actingUserId)
        {
            return "Vous ne pouvez pas changer votre propre rôle.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await FindAsync(users, organisationId, userId);
        if (user is null)
        {
            return "Ce membre de l'équipe est introuvable.";
        }

        await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user));
        await users.AddToRoleAsync(user, role);
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    public async Task<string?> SetDisabledAsync(Guid organisationId, Guid actingUserId, Guid userId, bool disabled)
    {
        if (userId == actingUserId)
        {
            return "Vous ne pouvez pas désactiver votre propre compte.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        var user = await FindAsync(users, organisationId, userId);
        if (user is null)
        {
            return "Ce membre de l'équipe est introuvable.";
        }

        user.Disabled = disabled;
        await users.UpdateAsync(user);
        // A new security stamp ends the sessions of a disabled member at their next check.
        await users.UpdateSecurityStampAsync(user);
        return null;
    }

    private static Task<StaffUser?> FindAsync(UserManager<StaffUser> users, Guid organisationId, Guid userId) =>
        users.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == organisationId);
}
