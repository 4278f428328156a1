using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>
/// The copy of a case the payments need, kept from the quote events: the accepted quote and its total (the latest
/// acceptance wins; an older one arriving late changes nothing), and the quotes voided meanwhile. Its id is the request's.
/// </summary>
internal sealed class PaymentCase : ITenantOwned
{
    private PaymentCase()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? AcceptedQuoteId { get; private set; }

    public string? QuoteNumber { get; private set; }

    public long AcceptedTotalCents { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>The version of the accepted quote (an amendment is a later version of the same quote); none when Quote did not say.</summary>
    public int? AcceptedVersion { get; private set; }

    /// <summary>What was accepted (customer, stay, lines, VAT): what the invoices say. None for an acceptance published before it existed.</summary>
    public AcceptedQuoteContent? AcceptedContent { get; private set; }

    public List<Guid> VoidedQuoteIds { get; private set; } = [];

    /// <summary>
    /// The final invoices an amendment credited (they stay issued, but no longer are « the final invoice »): the next one is
    /// made from the amended content.
    /// </summary>
    public List<Guid> ReplacedInvoiceIds { get; private set; } = [];

    public DateOnly? Arrival { get; private set; }

    /// <summary>When the arrival was last set: an older change of stay (or the same one again) is ignored.</summary>
    public DateTimeOffset? StaySetAt { get; private set; }

    /// <summary>When « Annuler le dossier » was confirmed; none while the case goes on.</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    /// <summary>"Customer" or "Organisation".</summary>
    public string? CancelledBy { get; private set; }

    public string? CancellationReason { get; private set; }

    public bool IsCancelled => CancelledAt is not null;

    /// <summary>
    /// The balance's due date while it is past and unpaid (the board's « En retard »), set and cleared by the payment schedule
    /// (<see cref="PaymentSchedule"/>) and cleared by the payment that settles the case; none otherwise.
    /// </summary>
    public DateOnly? BalanceOverdueOn { get; private set; }

    /// <summary>Marks the balance overdue for <paramref name="dueOn"/>; returns whether it changed (false: already marked for that day).</summary>
    public bool MarkOverdue(DateOnly dueOn)
    {
        if (BalanceOverdueOn == dueOn)
        {
            return false;
        }

        BalanceOverdueOn = dueOn;
        return true;
    }

    /// <summary>Clears the overdue mark; returns whether there was one.</summary>
    public bool ClearOverdue()
    {
        if (BalanceOverdueOn is null)
        {
            return false;
        }

        BalanceOverdueOn = null;
        return true;
    }

    public bool AcceptedQuoteVoided => AcceptedQuoteId is { } id && VoidedQuoteIds.Contains(id);

    public void MarkCancelled(string requestedBy, string reason, DateTimeOffset now)
    {
        if (IsCancelled)
        {
            throw new InvalidOperationException($"Case {Id} is cancelled already.");
        }

        (CancelledAt, CancelledBy, CancellationReason) = (now, requestedBy, reason);
    }

    public static PaymentCase Open(Guid requestId, Guid organisationId) => new() { Id = requestId, OrganisationId = organisationId };

    /// <summary>
    /// Keeps the acceptance unless a later (or the same) one is kept already: an older or the same version of the quote
    /// kept, or an acceptance that did not occur later. Returns whether it was.
    /// </summary>
    public bool Accept(QuoteAccepted accepted)
    {
        var occurredAt = AsStored(accepted.OccurredAt);
        if (AcceptedAt is { } at && occurredAt <= at)
        {
            return false;
        }

        if (accepted.QuoteId == AcceptedQuoteId && accepted.Version is { } version && AcceptedVersion is { } kept && version <= kept)
        {
            return false;
        }

        AcceptedQuoteId = accepted.QuoteId;
        QuoteNumber = accepted.Number;
        AcceptedTotalCents = accepted.TotalCents;
        AcceptedContent = accepted.Content;
        AcceptedAt = occurredAt;
        AcceptedVersion = accepted.Version;
        return true;
    }

    /// <summary>An amendment credited this final invoice: the next final invoice replaces it.</summary>
    public void Replaced(Guid finalInvoiceId)
    {
        if (!ReplacedInvoiceIds.Contains(finalInvoiceId))
        {
            ReplacedInvoiceIds = [.. ReplacedInvoiceIds, finalInvoiceId];
        }
    }

    public void Received(RequestReceived request) => _ = SetArrival(request.Arrival, request.OccurredAt);

    /// <summary>Keeps the new stay unless a later change is kept already: returns whether it was.</summary>
    public bool ChangeStay(StayChanged changed) => SetArrival(changed.Arrival, changed.OccurredAt);

    public void Void(Guid quoteId)
    {
        if (!VoidedQuoteIds.Contains(quoteId))
        {
            VoidedQuoteIds = [.. VoidedQuoteIds, quoteId];
        }
    }

    /// <summary>
    /// An event's time as PostgreSQL keeps it (to the microsecond): compared unrounded, the same event delivered again
    /// would look later than the stored copy of itself.
    /// </summary>
    private static DateTimeOffset AsStored(DateTimeOffset at) => at.AddTicks(-(at.Ticks % 10));

    private bool SetArrival(DateOnly? arrival, DateTimeOffset occurredAt)
    {
        var at = AsStored(occurredAt);
        if (StaySetAt is { } set && at <= set)
        {
            return false;
        }

        Arrival = arrival;
        StaySetAt = at;
        return true;
    }
}
