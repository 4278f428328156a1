using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Messaging.Consumers;

/// <summary>Keeps the organisation's deposit percentage and balance window: the latest wins.</summary>
internal sealed class OrganisationChangedConsumer(PaymentDbContext db) : IConsumer<OrganisationChanged>
{
    public async Task Consume(ConsumeContext<OrganisationChanged> context)
    {
        var changed = context.Message;
        var settings = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == changed.OrganisationId, context.CancellationToken);
        if (settings is null)
        {
            settings = OrganisationSettings.Default(changed.OrganisationId);
            db.Organisations.Add(settings);
        }

        settings.Apply(changed);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>
/// Keeps the case's accepted quote and its total, the case locked (in the inbox filter's transaction) so that no payment is checked against a total being
/// replaced; a later acceptance replaces it, an older one (or the same again) changes nothing.
/// </summary>
internal sealed class QuoteAcceptedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<QuoteAccepted>
{
    public async Task Consume(ConsumeContext<QuoteAccepted> context)
    {
        var accepted = context.Message;
        var account = await CaseCopies.OpenAsync(db, accepted.RequestId, accepted.OrganisationId, context.CancellationToken);
        if (account.Accept(accepted))
        {
            // Requests asked against the quote replaced are for another total: their links die.
            await CaseCopies.CancelOpenRequestsAsync(db, account.Id, r => r.QuoteId != accepted.QuoteId,
                $"Le devis {accepted.Number} a remplacé le devis de cette demande.", time, context.CancellationToken);
            CaseCopies.Announce(db, account, time);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Marks the quote void: no payment may be recorded against it any more, and the requests still open on it die.</summary>
internal sealed class QuoteVoidedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<QuoteVoided>
{
    public async Task Consume(ConsumeContext<QuoteVoided> context)
    {
        var voided = context.Message;
        var account = await CaseCopies.OpenAsync(db, voided.RequestId, voided.OrganisationId, context.CancellationToken);
        account.Void(voided.QuoteId);
        await CaseCopies.CancelOpenRequestsAsync(db, account.Id, r => r.QuoteId == voided.QuoteId,
            account.QuoteNumber is { } number ? $"Le devis {number} est annulé." : "Le devis est annulé.", time, context.CancellationToken);
        CaseCopies.Announce(db, account, time);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Keeps the stay's arrival, for the deposit rule (the whole amount inside the balance window).</summary>
internal sealed class RequestReceivedConsumer(PaymentDbContext db) : IConsumer<RequestReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        var request = context.Message;
        (await CaseCopies.OpenAsync(db, request.RequestId, request.OrganisationId, context.CancellationToken)).Received(request);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Keeps the new arrival and cancels the requests still open (their amounts were for the old stay); an older change arriving late changes nothing.</summary>
internal sealed class StayChangedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<StayChanged>
{
    public async Task Consume(ConsumeContext<StayChanged> context)
    {
        var changed = context.Message;
        var account = await CaseCopies.OpenAsync(db, changed.RequestId, changed.OrganisationId, context.CancellationToken);
        if (account.ChangeStay(changed))
        {
            await CaseCopies.CancelOpenRequestsAsync(db, account.Id, _ => true, "Le séjour a changé.", time, context.CancellationToken);
            CaseCopies.Announce(db, account, time);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal static class CaseCopies
{
    /// <summary>Tells the open pages, after the commit, that what may be asked changed.</summary>
    public static void Announce(PaymentDbContext db, PaymentCase account, TimeProvider time) =>
        db.AddToOutbox(new PaymentAccountChanged { OrganisationId = account.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = account.Id });

    /// <summary>The case's copy, locked for the transaction; opened by whichever of its events arrives first.</summary>
    public static async Task<PaymentCase> OpenAsync(PaymentDbContext db, Guid requestId, Guid organisationId, CancellationToken cancellationToken)
    {
        await db.LockCaseAsync(requestId, cancellationToken);
        var account = await db.Cases.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (account is null)
        {
            account = PaymentCase.Open(requestId, organisationId);
            db.Cases.Add(account);
        }

        return account;
    }

    /// <summary>
    /// Cancels the case's open requests that match (expired ones too): their links die. Their live checkout sessions are closed
    /// by the <see cref="SessionCloser"/> once this commits, never from inside the transaction that holds the case's lock.
    /// </summary>
    public static async Task CancelOpenRequestsAsync(
        PaymentDbContext db, Guid caseId, Func<PaymentRequest, bool> which, string reason, TimeProvider time, CancellationToken cancellationToken)
    {
        var open = await db.PaymentRequests.Where(r => r.RequestId == caseId && r.Status == PaymentRequestStatus.Open).ToListAsync(cancellationToken);
        var now = time.GetUtcNow();
        var cancelled = open.Where(which).ToList();
        foreach (var request in cancelled)
        {
            request.Cancel(reason, now);
        }
    }
}
