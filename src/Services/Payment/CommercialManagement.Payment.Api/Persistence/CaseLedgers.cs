using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Payment.Api.Domain;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Persistence;

/// <summary>How a case's <see cref="CaseLedger"/> is read and saved: whole, in the organisation of the request (query filters).</summary>
internal static class CaseLedgers
{
    /// <summary>The ledger to change, the case locked until the caller's transaction ends; null when no event of the case arrived yet.</summary>
    public static async Task<CaseLedger?> LockAsync(this PaymentDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        await db.LockCaseAsync(caseId, cancellationToken);
        var account = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return account is null ? null : await LoadAsync(db, account, cancellationToken);
    }

    /// <summary>The ledger to read (tracked all the same: a read is cheap, and the same code path as a change).</summary>
    public static async Task<CaseLedger?> ReadAsync(this PaymentDbContext db, Guid caseId, CancellationToken cancellationToken)
    {
        var account = await db.Cases.SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        return account is null ? null : await LoadAsync(db, account, cancellationToken);
    }

    /// <summary>The ledger of a case just opened or locked by the caller.</summary>
    public static async Task<CaseLedger> LoadAsync(this PaymentDbContext db, PaymentCase account, CancellationToken cancellationToken) => new(
        account,
        await db.PaymentRequests.Where(r => r.RequestId == account.Id).ToListAsync(cancellationToken),
        await db.Payments.Where(p => p.RequestId == account.Id).ToListAsync(cancellationToken),
        await db.Refunds.Where(r => r.RequestId == account.Id).ToListAsync(cancellationToken),
        await db.Invoices.Where(i => i.RequestId == account.Id).ToListAsync(cancellationToken),
        await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == account.OrganisationId, cancellationToken),
        await db.RefundOrders.Where(o => o.RequestId == account.Id).ToListAsync(cancellationToken));

    /// <summary>
    /// What the ledger's moves created and the events that tell them, added for the caller's SaveChanges (with the outbox);
    /// the invoices drafted are numbered first, in the caller's transaction (which must be open: the numbers are only
    /// gapless if the series' lock lasts until the invoices are saved).
    /// </summary>
    public static async Task StageAsync(this PaymentDbContext db, CaseLedger ledger, TimeProvider time, CancellationToken cancellationToken)
    {
        var drafts = ledger.Unnumbered;
        if (drafts.Count > 0 && db.Database.CurrentTransaction is null)
        {
            throw new InvalidOperationException("Invoices are numbered inside the transaction that saves them.");
        }

        foreach (var draft in drafts)
        {
            var sequence = await db.NextNumberAsync(draft.OrganisationId, draft.Series, draft.Year, cancellationToken);
            ledger.Number(draft, sequence, time.GetUtcNow());
        }

        var (rows, events) = ledger.TakeChanges();
        foreach (var row in rows)
        {
            db.Add(row);
        }

        foreach (var message in events)
        {
            db.AddToOutbox(message);
        }
    }
}
