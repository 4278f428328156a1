using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
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
/// replaced; a later acceptance (an amendment, or another quote) replaces it, an older one (or the same version again) changes nothing, and the ledger
/// decides what follows (<see cref="CaseLedger.Accept"/>). The credit note and final invoice it drafts are numbered in that transaction.
/// </summary>
internal sealed class QuoteAcceptedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<QuoteAccepted>
{
    public async Task Consume(ConsumeContext<QuoteAccepted> context)
    {
        var accepted = context.Message;
        var ledger = await CaseCopies.OpenAsync(db, accepted.RequestId, accepted.OrganisationId, context.CancellationToken);
        if (ledger.Accept(accepted, time.GetUtcNow()) != AcceptanceOutcome.Ignored)
        {
            await db.StageAsync(ledger, time, context.CancellationToken);
            CaseCopies.Announce(db, ledger.Case, time);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Marks the quote void: no payment may be recorded against it any more, and the requests still open on it die (each told).</summary>
internal sealed class QuoteVoidedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<QuoteVoided>
{
    public async Task Consume(ConsumeContext<QuoteVoided> context)
    {
        var voided = context.Message;
        var ledger = await CaseCopies.OpenAsync(db, voided.RequestId, voided.OrganisationId, context.CancellationToken);
        ledger.Case.Void(voided.QuoteId);
        ledger.WithdrawOpen(
            r => r.QuoteId == voided.QuoteId, ledger.Case.QuoteNumber is { } number ? $"Le devis {number} est annulé." : "Le devis est annulé.", time.GetUtcNow());
        await db.StageAsync(ledger, time, context.CancellationToken);
        CaseCopies.Announce(db, ledger.Case, time);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Keeps the stay's arrival, for the deposit rule (the whole amount inside the balance window).</summary>
internal sealed class RequestReceivedConsumer(PaymentDbContext db) : IConsumer<RequestReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        var request = context.Message;
        (await CaseCopies.OpenAsync(db, request.RequestId, request.OrganisationId, context.CancellationToken)).Case.Received(request);
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>
/// Keeps the new arrival and cancels the requests still open, each told (their amounts were for the old stay); an older change
/// arriving late changes nothing.
/// </summary>
internal sealed class StayChangedConsumer(PaymentDbContext db, TimeProvider time) : IConsumer<StayChanged>
{
    public async Task Consume(ConsumeContext<StayChanged> context)
    {
        var changed = context.Message;
        var ledger = await CaseCopies.OpenAsync(db, changed.RequestId, changed.OrganisationId, context.CancellationToken);
        if (ledger.Case.ChangeStay(changed))
        {
            ledger.WithdrawOpen(_ => true, "Le séjour a changé.", time.GetUtcNow());
            await db.StageAsync(ledger, time, context.CancellationToken);
            CaseCopies.Announce(db, ledger.Case, time);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}

internal static class CaseCopies
{
    /// <summary>Tells the open pages, after the commit, that what may be asked changed.</summary>
    public static void Announce(PaymentDbContext db, PaymentCase account, TimeProvider time) =>
        db.AddToOutbox(new PaymentAccountChanged { OrganisationId = account.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = account.Id });

    /// <summary>The case's ledger, locked for the transaction; its copy opened by whichever of its events arrives first.</summary>
    public static async Task<CaseLedger> OpenAsync(PaymentDbContext db, Guid requestId, Guid organisationId, CancellationToken cancellationToken)
    {
        if (await db.LockAsync(requestId, cancellationToken) is { } ledger)
        {
            return ledger;
        }

        var account = PaymentCase.Open(requestId, organisationId);
        db.Cases.Add(account);
        return new CaseLedger(account, [], [], []);
    }
}
