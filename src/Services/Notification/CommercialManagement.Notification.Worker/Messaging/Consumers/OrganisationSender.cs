using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>How an organisation signs its emails; the service's default name until its profile is known.</summary>
internal sealed record OrganisationSender(string Name, string FromName, string? ReplyTo, string? ContactPhone)
{
    /// <summary>
    /// The organisation's profile. At a first start its <c>OrganisationChanged</c> may still be on its way from the
    /// gateway: the message is then retried, and only its last attempt goes on without it (default sender name).
    /// </summary>
    public static async Task<OrganisationProfile?> ProfileAsync(NotificationDbContext db, ConsumeContext context, Guid organisationId)
    {
        var profile = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == organisationId, context.CancellationToken);
        if (profile is null && context.GetRetryAttempt() < MessagingExtensions.RetryCount)
        {
            throw new OrganisationNotKnownYetException(organisationId);
        }

        return profile;
    }

    public static OrganisationSender Of(OrganisationProfile? organisation, EmailOptions options)
    {
        var name = organisation?.Name is { Length: > 0 } known ? known : options.DefaultSenderName;
        return new OrganisationSender(
            name,
            organisation?.EmailSenderName is { Length: > 0 } sender ? sender : name,
            organisation?.EmailReplyTo ?? organisation?.ContactEmail,
            organisation?.ContactPhone);
    }
}

/// <summary>Thrown to retry an email whose organisation's profile has not arrived yet.</summary>
internal sealed class OrganisationNotKnownYetException(Guid organisationId)
    : Exception($"The profile of organisation {organisationId} has not arrived yet; the email waits for it.");
