using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Identity;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace CommercialManagement.Gateway.Features.Administration;

internal sealed record StaffRow(Guid Id, string Name, string Email, string Role, bool Disabled, bool LockedOut);

/// <summary>
/// An admin manages the staff of their own organisation, and only theirs. Each change (creation, role, enabled or
/// disabled) commits with its StaffMemberChanged in the gateway's outbox, or not at all.
/// </summary>
internal sealed class StaffAdministration(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    /// <summary>An Admin demoted or disabled a moment ago still has the page open until its next check: their change is refused now.</summary>
    public const string NoLongerAdmin = "Vous n'êtes plus administrateur de cette organisation : reconnectez-vous.";

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

    public async Task<IReadOnlyList<string>> CreateAsync(Guid organisationId, Guid actingUserId, string name, string email, string role, string password)
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
        // An Admin disabled or demoted a moment ago, whose page is still open, makes no account (one would outlive them).
        if (!await IsEnabledAdminAsync(users, organisationId, actingUserId))
        {
            return [NoLongerAdmin];
        }

        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var user = new StaffUser { UserName = email.Trim(), Email = email.Trim(), EmailConfirmed = true, DisplayName = name.Trim(), OrganisationId = organisationId };
        var created = await users.CreateAsync(user, password);
        if (!created.Succeeded)
        {
            return [.. created.Errors.Select(e => e.Description)];
        }

        // Nothing half-stored: a member without a role is rolled back with the transaction.
        var added = await users.AddToRoleAsync(user, role);
        if (!added.Succeeded)
        {
            return [.. added.Errors.Select(e => e.Description)];
        }

        await PublishAsync(db, transaction, user, role);
        return [];
    }

    public async Task<string?> SetRoleAsync(Guid organisationId, Guid actingUserId, Guid userId, string role)
    {
        if (userId == actingUserId)
        {
            return "Vous ne pouvez pas changer votre propre rôle.";
        }

        if (role is not (StaffClaims.AdminRole or StaffClaims.AgentRole))
        {
            return "Le rôle doit être Admin ou Agent.";
        }

        await using var scope = scopes.CreateAsyncScope();
        var users = scope.ServiceProvider.GetRequiredService<UserManager<StaffUser>>();
        if (!await IsEnabledAdminAsync(users, organisationId, actingUserId))
        {
            return NoLongerAdmin;
        }

        var user = await FindAsync(users, organisationId, userId);
        if (user is null)
        {
            return "Ce membre de l'équipe est introuvable.";
        }

        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        var failed = await FirstErrorAsync(
            async () => await users.RemoveFromRolesAsync(user, await users.GetRolesAsync(user)),
            () => users.AddToRoleAsync(user, role),
            () => users.UpdateSecurityStampAsync(user));
        if (failed is not null)
        {
            return failed;
        }

        await PublishAsync(db, transaction, user, role);
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
        if (!await IsEnabledAdminAsync(users, organisationId, actingUserId))
        {
            return NoLongerAdmin;
        }

        var user = await FindAsync(users, organisationId, userId);
        if (user is null)
        {
            return "Ce membre de l'équipe est introuvable.";
        }

        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        await using var transaction = await db.Database.BeginTransactionAsync();
        user.Disabled = disabled;
        // A new security stamp ends the sessions of a disabled member at their next check.
        var failed = await FirstErrorAsync(() => users.UpdateAsync(user), () => users.UpdateSecurityStampAsync(user));
        if (failed is not null)
        {
            return failed;
        }

        await PublishAsync(db, transaction, user, (await users.GetRolesAsync(user)).FirstOrDefault() ?? StaffClaims.AgentRole);
        return null;
    }

    /// <summary>Adds the member's whole current state to the outbox, saves it and commits it with the change.</summary>
    private async Task PublishAsync(GatewayDbContext db, IDbContextTransaction transaction, StaffUser user, string role)
    {
        db.AddToOutbox(user.ToChangedEvent(role, timeProvider.GetUtcNow()));
        await db.SaveChangesAsync();
        await transaction.CommitAsync();
    }

    /// <summary>Runs the steps in order and stops at the first refusal, whose message it returns.</summary>
    private static async Task<string?> FirstErrorAsync(params Func<Task<IdentityResult>>[] steps)
    {
        foreach (var step in steps)
        {
            var result = await step();
            if (!result.Succeeded)
            {
                return string.Join(" ", result.Errors.Select(e => e.Description));
            }
        }

        return null;
    }

    /// <summary>Read from the database at each change, not from the page's sign-in: rights withdrawn count at once here.</summary>
    private static async Task<bool> IsEnabledAdminAsync(UserManager<StaffUser> users, Guid organisationId, Guid actingUserId) =>
        await FindAsync(users, organisationId, actingUserId) is { Disabled: false } actor && await users.IsInRoleAsync(actor, StaffClaims.AdminRole);

    private static Task<StaffUser?> FindAsync(UserManager<StaffUser> users, Guid organisationId, Guid userId) =>
        users.Users.SingleOrDefaultAsync(u => u.Id == userId && u.OrganisationId == organisationId);
}

internal static class StaffMemberEvents
{
    /// <summary>
    /// Announces every member's current state once at start: the services' copies (Inbox's assignees, Notification's
    /// alert addresses) catch up with members created before they kept one, or while they were away. The latest wins
    /// in each copy, so announcing again changes nothing else.
    /// </summary>
    public static async Task AnnounceStaffDirectoryAsync(this WebApplication app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var now = scope.ServiceProvider.GetRequiredService<TimeProvider>().GetUtcNow();
        var members = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId into userRoles
            from userRole in userRoles.DefaultIfEmpty()
            join role in db.Roles on userRole.RoleId equals role.Id into roles
            from role in roles.DefaultIfEmpty()
            select new { User = user, Role = role == null ? null : role.Name }).AsNoTracking().ToListAsync();
        foreach (var member in members.GroupBy(m => m.User.Id).Select(g => g.First()))
        {
            db.AddToOutbox(member.User.ToChangedEvent(member.Role ?? StaffClaims.AgentRole, now));
        }

        await db.SaveChangesAsync();
    }

    /// <summary>The member's whole current state, as the services keep it; a disabled member is not active.</summary>
    public static StaffMemberChanged ToChangedEvent(this StaffUser user, string role, DateTimeOffset occurredAt) => new()
    {
        OrganisationId = user.OrganisationId,
        OccurredAt = occurredAt,
        StaffId = user.Id,
        Name = user.DisplayName,
        Email = user.Email ?? "",
        Role = role,
        Active = !user.Disabled,
    };
}
