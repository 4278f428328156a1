using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults.Security;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.Alerts;

/// <summary>
/// A customer's message left unanswered (Inbox's « unanswered-requests » job, issue 17) rings the assignee's bell, or each
/// active admin's of the organisation when nobody is assigned (or the assignee's account is disabled); with no admin
/// either, the whole organisation's. Durable and inboxed: one alert per event, whichever gateway instance takes it; the open
/// pages and Notification hear of it by <see cref="StaffAlertRaised"/> through the outbox.
/// </summary>
internal sealed class UnansweredAlertConsumer(GatewayDbContext db) : IConsumer<RequestUnanswered>
{
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    public async Task Consume(ConsumeContext<RequestUnanswered> context)
    {
        var unanswered = context.Message;
        var text = Text(unanswered);
        foreach (var recipient in await RecipientsAsync(unanswered, context.CancellationToken))
        {
            db.Set<StaffAlert>().Add(StaffAlert.For(unanswered.OrganisationId, unanswered.RequestId, recipient, AlertKind.Unanswered, text, unanswered.OccurredAt));
            db.AddToOutbox(new StaffAlertRaised
            {
                OrganisationId = unanswered.OrganisationId, OccurredAt = unanswered.OccurredAt, RequestId = unanswered.RequestId,
                RecipientId = recipient, Kind = nameof(AlertKind.Unanswered), Text = text,
            });
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }

    /// <summary>« Élodie Martin attend une réponse depuis le lundi 7 décembre à 09:00 (24 heures ouvrées). »</summary>
    public static string Text(RequestUnanswered unanswered)
    {
        var name = string.IsNullOrWhiteSpace(unanswered.CustomerName) ? "Le client" : unanswered.CustomerName;
        var since = ParisTime.Of(unanswered.WaitingSince).ToString("dddd d MMMM 'à' HH:mm", French);
        var hours = unanswered.WorkingHours == 1 ? "1 heure ouvrée" : $"{unanswered.WorkingHours} heures ouvrées";
        return $"{name} attend une réponse depuis le {since} ({hours}).";
    }

    /// <summary>The assignee, when active in the organisation; else its active admins; else everyone (null).</summary>
    private async Task<IReadOnlyList<Guid?>> RecipientsAsync(RequestUnanswered unanswered, CancellationToken cancellationToken)
    {
        var organisationId = unanswered.OrganisationId;
        if (unanswered.AssigneeId is { } assigneeId
            && await db.Users.AnyAsync(u => u.Id == assigneeId && u.OrganisationId == organisationId && !u.Disabled, cancellationToken))
        {
            return [assigneeId];
        }

        var admins = await (
            from user in db.Users
            join userRole in db.UserRoles on user.Id equals userRole.UserId
            join role in db.Roles on userRole.RoleId equals role.Id
            where user.OrganisationId == organisationId && !user.Disabled && role.Name == StaffClaims.AdminRole
            select user.Id).Distinct().ToListAsync(cancellationToken);
        return admins.Count > 0 ? [.. admins.Select(id => (Guid?)id)] : [null];
    }
}
