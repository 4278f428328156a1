using System.Globalization;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>The customer of a case as the worker's copy knows them, for the emails whose event names nobody (payments).</summary>
/// <param name="ReplyToken">The case's reply token, for the Reply-To (<see cref="OrganisationSender.ReplyToCase(string?)"/>).</param>
internal sealed record CaseCustomer(string? Email, string? Name, bool English, string? CustomerSpaceToken, string? ReplyToken)
{
    /// <summary>
    /// The case's customer and token. Events can overtake each other: while the address (or the token, when
    /// <paramref name="waitForToken"/>) is missing, the message is retried, and only its last attempt goes on with what is
    /// known (the caller decides what it can send).
    /// </summary>
    public static async Task<CaseCustomer> OfAsync(NotificationDbContext db, ConsumeContext context, Guid requestId, bool waitForToken = true)
    {
        var copy = await db.Cases.SingleOrDefaultAsync(c => c.RequestId == requestId, context.CancellationToken);
        if ((copy?.CustomerEmail is null || (waitForToken && copy.CustomerSpaceToken is null)) && context.GetRetryAttempt() < MessagingExtensions.RetryCount)
        {
            throw new CaseNotKnownYetException(requestId);
        }

        return new CaseCustomer(copy?.CustomerEmail, copy?.CustomerName, copy?.Language == "en", copy?.CustomerSpaceToken, copy?.ReplyToken);
    }
}

/// <summary>Thrown to retry an email whose case (its customer, its customer-space token) has not arrived yet.</summary>
internal sealed class CaseNotKnownYetException(Guid requestId)
    : Exception(string.Create(CultureInfo.InvariantCulture, $"Case {requestId} has not arrived yet; its email waits for the customer's address and customer-space link."));
