using System.Security.Cryptography;
using System.Text;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Templates;
using MassTransit;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>
/// « Votre devis a expiré » (issue 17): the customer is told why and how to ask again, when the organisation lets it be
/// sent (<c>QuoteExpired.EmailCustomer</c>). One email per quote and validity date: a quote extended then expired again is told again.
/// </summary>
internal sealed class QuoteExpiredConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<QuoteExpiredConsumer> logger)
    : IConsumer<QuoteExpired>
{
    public const string Kind = "QuoteExpired";

    public Task Consume(ConsumeContext<QuoteExpired> context)
    {
        var expired = context.Message;
        if (!expired.EmailCustomer)
        {
            return Task.CompletedTask;
        }

        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger,
            (Kind, expired.OrganisationId, expired.RequestId, QuoteValidityEmails.Regarding(expired.QuoteId, expired.ValidUntil)),
            options.Value.CustomerSpaceLink,
            (parties, link) => QuoteValidityEmailTemplates.QuoteExpired(expired.Number, expired.ValidUntil, parties, link),
            (customer, _) => customer.Email is null ? $"L'adresse e-mail du client n'est pas connue : il n'a pas pu être prévenu que le devis {expired.Number} a expiré." : null,
            waitForToken: false);
    }
}

/// <summary>
/// The follow-up before a quote expires (issue 17, J-2 by default): the customer has neither opened nor answered it. One
/// email per quote and validity date.
/// </summary>
internal sealed class QuoteFollowUpDueConsumer(
    NotificationDbContext db, IOptions<EmailOptions> options, TimeProvider timeProvider, ILogger<QuoteFollowUpDueConsumer> logger)
    : IConsumer<QuoteFollowUpDue>
{
    public const string Kind = "QuoteFollowUp";

    public Task Consume(ConsumeContext<QuoteFollowUpDue> context)
    {
        var due = context.Message;
        return CustomerEmails.QueueAsync(
            db, context, options.Value, timeProvider.GetUtcNow(), logger,
            (Kind, due.OrganisationId, due.RequestId, QuoteValidityEmails.Regarding(due.QuoteId, due.ValidUntil)),
            options.Value.CustomerSpaceLink,
            (parties, link) => QuoteValidityEmailTemplates.QuoteFollowUp(due.Number, due.ValidUntil, parties, link),
            (customer, _) => customer.Email is null ? $"L'adresse e-mail du client n'est pas connue : la relance du devis {due.Number} n'a pas pu partir." : null,
            waitForToken: false);
    }
}

internal static class QuoteValidityEmails
{
    /// <summary>What an email is about: the quote for one validity date (a stable id, the same on every delivery of the event).</summary>
    public static Guid Regarding(Guid quoteId, DateOnly validUntil) =>
        new(MD5.HashData(Encoding.UTF8.GetBytes($"{quoteId:N}:{validUntil:yyyy-MM-dd}")));
}
