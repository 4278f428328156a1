using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Notification.Worker.Domain;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// How an organisation signs its emails; the service's default name until its profile is known.
/// <see cref="ReplyTo"/> is its usual address (the one its emails show as the contact); <see cref="ReplyMailbox"/> the
/// mailbox customers' replies are fetched from, when it has one switched on.
/// </summary>
internal sealed record OrganisationSender(string Name, string FromName, string? ReplyTo, string? ContactPhone, string? ReplyMailbox = null)
{
    /// <summary>
    /// The organisation's profile. At a first start its <c>OrganisationChanged</c> may still be on its way from the
    /// gateway: the message is then retried, and only its last attempt goes on without it (default sender name). A row
    /// that only knows the reply mailbox (ReplyMailboxChanged came first) waits the same way.
    /// </summary>
    public static async Task<OrganisationProfile?> ProfileAsync(NotificationDbContext db, ConsumeContext context, Guid organisationId)
    {
        var profile = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == organisationId, context.CancellationToken);
        if (profile is not { Described: true } && context.GetRetryAttempt() < MessagingExtensions.RetryCount)
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
            organisation?.ContactPhone,
            organisation?.ReplyMailboxAddress);
    }

    /// <summary>
    /// The Reply-To of an email to the customer of a case (issue 18), the one rule every such email follows: the reply
    /// mailbox tagged with the case's reply token, so that the answer lands in the case's conversation; the plain reply
    /// mailbox when the case has no token (a case from before replies by email: Inbox then threads it by its headers);
    /// the organisation's usual address when it has no reply mailbox. Staff alerts have none (StaffAlertMail).
    /// </summary>
    public string? ReplyToCase(string? replyToken) => ReplyMailbox is { } mailbox ? ReplyAddress.Tag(mailbox, replyToken) : ReplyTo;

    /// <summary><see cref="ReplyToCase(string?)"/> with the case's reply token as the worker keeps it (read only when there is a mailbox to tag).</summary>
    public async Task<string?> ReplyToCaseAsync(NotificationDbContext db, Guid caseId, CancellationToken cancellationToken) =>
        ReplyMailbox is null
            ? ReplyTo
            : ReplyToCase(await db.Cases.Where(c => c.RequestId == caseId).Select(c => c.ReplyToken).SingleOrDefaultAsync(cancellationToken));
}

/// <summary>Thrown to retry an email whose organisation's profile has not arrived yet.</summary>
internal sealed class OrganisationNotKnownYetException(Guid organisationId)
    : Exception($"The profile of organisation {organisationId} has not arrived yet; the email waits for it.");
