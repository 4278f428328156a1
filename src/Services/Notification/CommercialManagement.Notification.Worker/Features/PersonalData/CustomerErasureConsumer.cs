using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Notification.Worker.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Features.PersonalData;

/// <summary>
/// Notification's part of an erasure, in the event's organisation and the inbox's transaction: the case's copy loses the
/// customer and the customer-space token (no email can carry the link again); the email log of the customer's cases (and
/// any email to the customer's address) keeps that an email of that kind went when, and loses its recipient (the
/// customer's), subject, bodies, error and attached documents. A second delivery changes nothing.
/// </summary>
internal sealed class CustomerErasureConsumer(NotificationDbContext db, TimeProvider timeProvider) : IConsumer<CustomerErasureRequested>
{
    public async Task Consume(ConsumeContext<CustomerErasureRequested> context)
    {
        var erasure = context.Message;
        var cancellationToken = context.CancellationToken;
        var email = erasure.CasesOnly ? "" : ErasedCustomer.Normalise(erasure.CustomerEmail);
        var named = erasure.RequestIds.ToList();
        var copies = await db.Cases.AsNoTracking()
            .Where(c => named.Contains(c.RequestId) || (email != "" && c.CustomerEmail != null && c.CustomerEmail.ToLower() == email))
            .Select(c => new { c.RequestId, c.CustomerName, c.CustomerEmail })
            .ToListAsync(cancellationToken);
        var cases = copies.Select(c => c.RequestId).Concat(named).Distinct().ToList();
        var traces = new ErasureTraces();
        foreach (var copy in copies)
        {
            traces.Add(copy.CustomerName, copy.CustomerEmail, null);
        }

        if (email != "")
        {
            traces.Add(null, email, null);
        }

        // The emails sent to the customer's address outside these cases go too, unless only these cases are erased (the
        // retention of requests that never became dossiers): the same customer's other cases keep their email log.
        var addresses = erasure.CasesOnly ? [] : traces.Emails.Select(e => e.ToLowerInvariant()).ToList();
        var changed = await db.Cases
            .Where(c => cases.Contains(c.RequestId) && (c.CustomerName != null || c.CustomerEmail != null || c.CustomerSpaceToken != null || c.ReplyToken != null))
            .ExecuteUpdateAsync(
                set => set.SetProperty(c => c.CustomerName, (string?)null)
                    .SetProperty(c => c.CustomerEmail, (string?)null)
                    .SetProperty(c => c.CustomerSpaceToken, (string?)null)
                    .SetProperty(c => c.ReplyToken, (string?)null),
                cancellationToken);
        var emails = db.Emails.Where(e => (e.CaseId != null && cases.Contains(e.CaseId.Value)) || addresses.Contains(e.To.ToLower()));
        changed += await db.Attachments.Where(a => emails.Any(e => e.Id == a.EmailId)).ExecuteDeleteAsync(cancellationToken);
        changed += await emails
            .Where(e => e.Subject != "" || e.HtmlBody != "" || e.TextBody != "" || e.LastError != null || (e.ToCustomer && e.To != ErasedCustomer.Email) || addresses.Contains(e.To.ToLower()))
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.Subject, "")
                    .SetProperty(e => e.HtmlBody, "")
                    .SetProperty(e => e.TextBody, "")
                    .SetProperty(e => e.LastError, (string?)null)
                    .SetProperty(e => e.To, e => e.ToCustomer || addresses.Contains(e.To.ToLower()) ? ErasedCustomer.Email : e.To),
                cancellationToken);
        await traces.FinishErasureAsync(db, erasure, "notification", cases, changed, timeProvider.GetUtcNow(), cancellationToken);
    }
}
