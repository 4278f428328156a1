using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.PersonalData;

/// <summary>
/// Dossier's part of an erasure, in the event's organisation only (query filters) and in the inbox's transaction: the
/// customer's dossiers (by the cases named and, unless the erasure is for those cases only, by the email) keep their
/// reference, stay, column, amounts and history (the business's own record) but lose the customer's name, address and
/// phone, and every history line or cancellation reason that quoted them. A second delivery changes nothing.
/// </summary>
internal sealed class CustomerErasureConsumer(DossierDbContext db, TimeProvider timeProvider) : IConsumer<CustomerErasureRequested>
{
    public async Task Consume(ConsumeContext<CustomerErasureRequested> context)
    {
        var erasure = context.Message;
        var cancellationToken = context.CancellationToken;
        var email = ErasedCustomer.Normalise(erasure.CustomerEmail);
        var named = erasure.RequestIds.ToList();
        var byEmail = !erasure.CasesOnly && email.Length > 0;
        var dossiers = await db.Dossiers.AsNoTracking()
            .Where(d => named.Contains(d.Id) || (byEmail && d.CustomerEmail.ToLower() == email))
            .Select(d => new { d.Id, d.CustomerName, d.CustomerEmail, d.CustomerPhone, d.CancellationReason, d.CancellationRequestedBy })
            .ToListAsync(cancellationToken);
        var cases = dossiers.Select(d => d.Id).ToList();
        var traces = new ErasureTraces();
        foreach (var dossier in dossiers)
        {
            traces.Add(dossier.CustomerName, dossier.CustomerEmail, dossier.CustomerPhone);
        }

        var changed = 0;
        foreach (var dossier in dossiers)
        {
            var reason = dossier.CancellationReason is null ? null : traces.Redact(dossier.CancellationReason);
            var requestedBy = dossier.CancellationRequestedBy is null ? null : traces.Redact(dossier.CancellationRequestedBy);
            changed += await db.Dossiers
                .Where(d => d.Id == dossier.Id
                    && (d.CustomerName != ErasedCustomer.Name || d.CustomerEmail != ErasedCustomer.Email || d.CustomerPhone != null
                        || d.CancellationReason != reason || d.CancellationRequestedBy != requestedBy))
                .ExecuteUpdateAsync(
                    set => set.SetProperty(d => d.CustomerName, ErasedCustomer.Name)
                        .SetProperty(d => d.CustomerEmail, ErasedCustomer.Email)
                        .SetProperty(d => d.CustomerPhone, (string?)null)
                        .SetProperty(d => d.CancellationReason, reason)
                        .SetProperty(d => d.CancellationRequestedBy, requestedBy),
                    cancellationToken);
        }

        var lines = await db.History.AsNoTracking().Where(h => cases.Contains(h.DossierId)).Select(h => new { h.Id, h.What, h.Actor }).ToListAsync(cancellationToken);
        foreach (var line in lines.Where(l => traces.Redact(l.What) != l.What || traces.Redact(l.Actor) != l.Actor))
        {
            var (what, actor) = (traces.Redact(line.What), traces.Redact(line.Actor));
            changed += await db.History.Where(h => h.Id == line.Id)
                .ExecuteUpdateAsync(set => set.SetProperty(h => h.What, what).SetProperty(h => h.Actor, actor), cancellationToken);
        }

        if (byEmail)
        {
            traces.Add(null, email, null);
        }

        await traces.FinishErasureAsync(db, erasure, "dossier", cases, changed, timeProvider.GetUtcNow(), cancellationToken);
    }
}
