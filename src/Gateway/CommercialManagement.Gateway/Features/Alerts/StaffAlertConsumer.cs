using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Gateway.Identity;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.Alerts;

/// <summary>
/// Raises the back office's alerts from what customers do (an answer, an acceptance online, a payment online) for the
/// request's assignee, or the whole organisation while nobody is assigned; keeps, from the Inbox's events, whose each
/// request is and the customer's name. Durable (inboxed: each event once); the open pages are told after the commit, by
/// <see cref="StaffAlertRaised"/> through the outbox (this consumer runs inside the inbox's transaction).
/// Staff's own actions (an acceptance by phone, a cheque typed in) raise nothing: they know.
/// </summary>
internal sealed class StaffAlertConsumer(GatewayDbContext db) :
    IConsumer<RequestReceived>,
    IConsumer<RequestAssigned>,
    IConsumer<CustomerMessagePosted>,
    IConsumer<QuoteAccepted>,
    IConsumer<PaymentReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        var received = context.Message;
        var known = await CaseAsync(received.OrganisationId, received.RequestId, context.CancellationToken);
        known.Named(received.CustomerName);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<RequestAssigned> context)
    {
        var assigned = context.Message;
        var known = await CaseAsync(assigned.OrganisationId, assigned.RequestId, context.CancellationToken);
        known.AssignTo(assigned.AssigneeId, assigned.OccurredAt);
        await db.SaveChangesAsync(context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<CustomerMessagePosted> context)
    {
        var posted = context.Message;
        var known = await CaseAsync(posted.OrganisationId, posted.RequestId, context.CancellationToken);
        known.Named(posted.CustomerName);
        // Whose the request is comes from RequestAssigned; the answer's own word on it only fills a gap (it was read
        // without a lock, and a reassignment committed just before it must not be undone).
        if (known.AssignedAt is null)
        {
            known.AssignTo(posted.AssigneeId, posted.OccurredAt);
        }

        await RaiseAsync(known, AlertKind.CustomerReplied, $"{posted.CustomerName} a répondu dans son espace client.", posted.OccurredAt, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<QuoteAccepted> context)
    {
        var accepted = context.Message;
        if (accepted.AcceptedBy != "Customer")
        {
            return;
        }

        var known = await CaseAsync(accepted.OrganisationId, accepted.RequestId, context.CancellationToken);
        await RaiseAsync(
            known, AlertKind.QuoteAccepted,
            accepted.PreviousTotalCents is { } previous
                ? $"{Name(known)} a accepté la modification du devis {accepted.Number} : nouveau total {Euros.Format(accepted.TotalCents)} (auparavant {Euros.Format(previous)})."
                : $"{Name(known)} a accepté le devis {accepted.Number} ({Euros.Format(accepted.TotalCents)}).",
            accepted.OccurredAt, context.CancellationToken);
    }

    public async Task Consume(ConsumeContext<PaymentReceived> context)
    {
        var payment = context.Message;
        if (payment.PaymentRequestId is null)
        {
            // Typed in by staff (a cheque, a transfer): nobody needs telling.
            return;
        }

        var known = await CaseAsync(payment.OrganisationId, payment.RequestId, context.CancellationToken);
        var what = payment.Kind switch { "Deposit" => "l'acompte", "Balance" => "le solde", _ => "la totalité" };
        await RaiseAsync(
            known, AlertKind.PaymentReceived, $"{Name(known)} a payé {what} en ligne : {Euros.Format(payment.AmountCents)}.", payment.OccurredAt, context.CancellationToken);
    }

    private async Task RaiseAsync(AlertCase known, AlertKind kind, string text, DateTimeOffset at, CancellationToken cancellationToken)
    {
        db.Set<StaffAlert>().Add(StaffAlert.For(known.OrganisationId, known.RequestId, known.AssigneeId, kind, text, at));
        db.AddToOutbox(new StaffAlertRaised
        {
            OrganisationId = known.OrganisationId, OccurredAt = at, RequestId = known.RequestId, RecipientId = known.AssigneeId,
            Kind = kind.ToString(), Text = text,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The request as alerts know it, in its organisation only (an event of another one never reaches it).</summary>
    private async Task<AlertCase> CaseAsync(Guid organisationId, Guid requestId, CancellationToken cancellationToken)
    {
        var known = await db.Set<AlertCase>().SingleOrDefaultAsync(c => c.RequestId == requestId && c.OrganisationId == organisationId, cancellationToken);
        if (known is null)
        {
            known = AlertCase.Of(organisationId, requestId);
            db.Set<AlertCase>().Add(known);
        }

        return known;
    }

    private static string Name(AlertCase known) => string.IsNullOrWhiteSpace(known.CustomerName) ? "Le client" : known.CustomerName;

}
