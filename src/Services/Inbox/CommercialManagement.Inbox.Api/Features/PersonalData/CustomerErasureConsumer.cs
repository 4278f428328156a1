using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Inbox.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.PersonalData;

/// <summary>
/// Inbox's part of an erasure, in the event's organisation only (query filters) and in the inbox's transaction: the
/// customer's requests (found by the cases named and, unless the erasure is for those cases only, by the email) lose the
/// customer's details and their secrets (the customer-space link answers 404 from then on); every message of those
/// conversations loses its words, subject and the customer's name; the files attached to them are deleted; the mailbox's
/// log keeps only that an email was taken (never its original, subject or sender); the reply threads are forgotten, so
/// a later email from the customer opens a new request. A second delivery finds nothing left and changes nothing.
/// </summary>
internal sealed class CustomerErasureConsumer(InboxDbContext db, TimeProvider timeProvider) : IConsumer<CustomerErasureRequested>
{
    public async Task Consume(ConsumeContext<CustomerErasureRequested> context)
    {
        var erasure = context.Message;
        var cancellationToken = context.CancellationToken;
        var email = ErasedCustomer.Normalise(erasure.CustomerEmail);
        var named = erasure.RequestIds.ToList();
        var byEmail = !erasure.CasesOnly && email.Length > 0;
        var requests = await db.Requests
            .Where(r => named.Contains(r.Id) || (byEmail && r.CustomerEmail.ToLower() == email))
            .ToListAsync(cancellationToken);
        var cases = requests.Select(r => r.Id).ToList();
        var traces = new ErasureTraces();
        foreach (var request in requests)
        {
            traces.Add(request.CustomerName, request.CustomerEmail, request.CustomerPhone).Add(null, request.FailingEmail, null);
        }

        if (byEmail)
        {
            traces.Add(null, email, null);
        }

        var emailIds = await db.InboundEmails
            .Where(e => (e.RequestId != null && cases.Contains(e.RequestId.Value)) || (byEmail && e.FromAddress.ToLower() == email))
            .Select(e => e.Id)
            .ToListAsync(cancellationToken);
        foreach (var from in await db.InboundEmails.Where(e => emailIds.Contains(e.Id)).Select(e => e.FromAddress).Distinct().ToListAsync(cancellationToken))
        {
            traces.Add(null, from, null);
        }

        var changed = requests.Count(r => r.Erase());
        await db.SaveChangesAsync(cancellationToken);

        var names = traces.Names.ToList();
        var messages = db.Messages.Where(m => cases.Contains(m.RequestId));
        changed += await db.Attachments.Where(a => messages.Any(m => m.Id == a.MessageId)).ExecuteDeleteAsync(cancellationToken);
        changed += await messages
            .Where(m => m.Body != "" || m.EmailSubject != null || m.DeliveryFailure != null || names.Contains(m.AuthorName))
            .ExecuteUpdateAsync(
                set => set.SetProperty(m => m.Body, "")
                    .SetProperty(m => m.EmailSubject, (string?)null)
                    .SetProperty(m => m.DeliveryFailure, (string?)null)
                    .SetProperty(m => m.AuthorName, m => names.Contains(m.AuthorName) ? ErasedCustomer.Name : m.AuthorName),
                cancellationToken);
        changed += await db.InboundEmails
            .Where(e => emailIds.Contains(e.Id) && (e.FromAddress != ErasedCustomer.Email || e.Subject != "" || e.Raw.Length > 0 || e.Reason != ""))
            .ExecuteUpdateAsync(
                set => set.SetProperty(e => e.FromAddress, ErasedCustomer.Email)
                    .SetProperty(e => e.Subject, "")
                    .SetProperty(e => e.Raw, Array.Empty<byte>())
                    .SetProperty(e => e.Reason, ""),
                cancellationToken);
        changed += await db.ThreadLinks.Where(l => cases.Contains(l.RequestId)).ExecuteDeleteAsync(cancellationToken);
        await traces.FinishErasureAsync(db, erasure, "inbox", cases, changed, timeProvider.GetUtcNow(), cancellationToken);
    }
}
