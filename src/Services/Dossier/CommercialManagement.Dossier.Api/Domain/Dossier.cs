using System.Globalization;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;

namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>
/// A commercial case, from the request to the processed order. Its id is the request's id. It keeps the facts the
/// board needs (quote, acceptance, payments, read state) and moves only through <see cref="DossierWorkflow"/>:
/// every change returns the history lines that tell it, for the caller to store in the same transaction.
/// </summary>
internal sealed partial class Dossier : ITenantOwned
{
    private const string SystemActor = "Système";
    private static readonly CultureInfo French = CultureInfo.GetCultureInfo("fr-FR");

    private Dossier()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The reference staff and customers quote (D-00042), numbered per organisation.</summary>
    public string Reference { get; private set; } = "";

    public DossierStatus Status { get; private set; }

    /// <summary>While archived: the column it goes back to when restored (events keep it up to date).</summary>
    public DossierStatus? StatusBeforeArchive { get; private set; }

    public RequestChannel Channel { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerEmail { get; private set; } = "";

    public string? CustomerPhone { get; private set; }

    public DateOnly? Arrival { get; private set; }

    public DateOnly? Departure { get; private set; }

    public int Adults { get; private set; }

    public List<int> ChildrenAges { get; private set; } = [];

    public DateTimeOffset CreatedAt { get; private set; }

    /// <summary>When it last changed column: the card's age counts from here.</summary>
    public DateTimeOffset StatusChangedAt { get; private set; }

    /// <summary>The quote being built or proposed, its number once sent, its number of lines and its total.</summary>
    public Guid? QuoteId { get; private set; }

    public string? QuoteNumber { get; private set; }

    public int QuoteLineCount { get; private set; }

    public long QuoteTotalCents { get; private set; }

    /// <summary>When the quote's facts were last set: an older <c>QuoteChanged</c> arriving late is ignored.</summary>
    public DateTimeOffset? QuoteChangedAt { get; private set; }

    public Guid? AcceptedQuoteId { get; private set; }

    /// <summary>When the latest acceptance happened: an older one arriving late (a quote since replaced) is not applied.</summary>
    public DateTimeOffset? AcceptedAt { get; private set; }

    /// <summary>The quotes voided so far: an acceptance arriving after its quote's void is applied, then voided at once.</summary>
    public List<Guid> VoidedQuoteIds { get; private set; } = [];

    /// <summary>The accepted total that « Paiement soldé » is measured against.</summary>
    public long? AcceptedTotalCents { get; private set; }

    /// <summary>Received minus refunded, each payment and refund counted once.</summary>
    public long PaidCents { get; private set; }

    public bool HasUnreadMessages { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>When the assignee was last set: an older assignment arriving late is ignored.</summary>
    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>When the read state was last set: the latest of customer message, read and marked unread wins.</summary>
    public DateTimeOffset? ReadStateAt { get; private set; }

    /// <summary>How the case ended, apart from its column: « Annulé » keeps it archived for good.</summary>
    public DossierOutcome Outcome { get; private set; }

    /// <summary>When « Annuler le dossier » was confirmed (the event's time), why, and who asked ("Customer" or "Organisation").</summary>
    public DateTimeOffset? CancelledAt { get; private set; }

    public string? CancellationReason { get; private set; }

    public string? CancellationRequestedBy { get; private set; }

    public bool IsCancelled => Outcome == DossierOutcome.Cancelled;

    /// <summary>The quote in progress, which a change of stay would make lost.</summary>
    public bool HasQuoteInProgress => QuoteId is not null && QuoteLineCount > 0;

    /// <summary>A case opens at the request stage when a request arrives, by web form or phone.</summary>
    public static Dossier OpenFrom(RequestReceived request, long number) => new()
    {
        Id = request.RequestId,
        Reference = $"D-{number:D5}",
        OrganisationId = request.OrganisationId,
        Status = DossierStatus.Request,
        Channel = request.Channel,
        CustomerName = request.CustomerName,
        CustomerEmail = request.CustomerEmail,
        CustomerPhone = request.CustomerPhone,
        Arrival = request.Arrival,
        Departure = request.Departure,
        Adults = request.Adults,
        ChildrenAges = [.. request.ChildrenAges],
        CreatedAt = request.OccurredAt,
        StatusChangedAt = request.OccurredAt,
        HasUnreadMessages = request.Channel != RequestChannel.Phone,
        ReadStateAt = request.OccurredAt,
    };

    public List<DossierHistoryEntry> QuoteChanged(Guid quoteId, int lineCount, long totalCents, DateTimeOffset at)
    {
        if (QuoteChangedAt is { } last && at < last)
        {
            return [];
        }

        (QuoteId, QuoteLineCount, QuoteTotalCents, QuoteChangedAt) = (quoteId, lineCount, totalCents, at);
        return lineCount > 0 ? Fire(DossierTrigger.ServicesAdded, at, SystemActor, "Première prestation ajoutée au devis") : [];
    }

    public List<DossierHistoryEntry> StaffMessageSent(string staffName, DateTimeOffset at) =>
        Happened(DossierTrigger.CustomerExchange, at, staffName, "Message envoyé au client");

    public List<DossierHistoryEntry> CustomerMessageReceived(DateTimeOffset at)
    {
        SetReadState(unread: true, at);
        return [DossierHistoryEntry.For(this, at, "Client", "Message du client")];
    }

    public void AssignedTo(Guid? assigneeId, string? assigneeName, DateTimeOffset at)
    {
        if (AssignedAt is { } last && at < last)
        {
            return;
        }

        (AssigneeId, AssigneeName, AssignedAt) = (assigneeId, assigneeId is null ? null : assigneeName, at);
    }

    public void ConversationRead(DateTimeOffset at) => SetReadState(unread: false, at);

    public void ConversationMarkedUnread(DateTimeOffset at) => SetReadState(unread: true, at);

    /// <param name="previousTotalCents">An amendment of the accepted quote sent (issue 16): the accepted total it would replace.</param>
    public List<DossierHistoryEntry> QuoteSent(Guid quoteId, string number, long totalCents, DateTimeOffset at, long? previousTotalCents = null)
    {
        QuoteNumber = number;
        var what = previousTotalCents is { } previous
            ? $"Modification du devis {number} envoyée au client (nouveau total {Euros.Format(totalCents)}, accepté {Euros.Format(previous)})"
            : $"Devis {number} envoyé au client ({Euros.Format(totalCents)})";
        return Happened(DossierTrigger.CustomerExchange, at, SystemActor, what);
    }

    /// <param name="previousTotalCents">An amendment of the accepted quote accepted (issue 16): the total it replaces.</param>
    public List<DossierHistoryEntry> QuoteAccepted(
        Guid quoteId, string number, long totalCents, string acceptedBy, DateTimeOffset at, int? version = null, long? previousTotalCents = null)
    {
        if (AcceptedQuoteId == quoteId && previousTotalCents is { } previous)
        {
            return AmendmentAccepted(number, totalCents, previous, acceptedBy, at, version);
        }

        // Events of a case can arrive in any order (docs/architecture.md, « Ordering »): the same acceptance again, or one
        // older than the acceptance applied, changes nothing.
        if (AcceptedQuoteId == quoteId || (AcceptedAt is { } latest && at <= latest))
        {
            return [];
        }

        (AcceptedQuoteId, AcceptedTotalCents, QuoteNumber, AcceptedAt) = (quoteId, totalCents, number, at);
        var actor = acceptedBy == "Customer" ? "Client" : "Équipe (acceptation par téléphone)";
        var what = $"Devis {number} accepté ({Euros.Format(totalCents)})";
        List<DossierHistoryEntry> history = [.. Fire(DossierTrigger.QuoteAccepted, at, actor, what), .. SettlePayments(at)];
        if (VoidedQuoteIds.Contains(quoteId))
        {
            // Its void arrived first: it takes effect now, as it would have in order.
            history.AddRange(VoidAccepted(at));
        }

        return history;
    }

    /// <summary>
    /// The accepted quote changed and the change was accepted: the total paid against follows (what is still due, « Paiement
    /// soldé »), told in the history. The column moves only as payments measure against the new total (a dossier paid in full
    /// whose order grew is back to « Acompte versé »), never back to an earlier step of the sale. An older acceptance
    /// arriving late changes nothing.
    /// </summary>
    private List<DossierHistoryEntry> AmendmentAccepted(string number, long totalCents, long previousTotalCents, string acceptedBy, DateTimeOffset at, int? version)
    {
        if (AcceptedAt is { } latest && at <= latest)
        {
            return [];
        }

        (AcceptedTotalCents, QuoteNumber, AcceptedAt) = (totalCents, number, at);
        var actor = acceptedBy == "Customer" ? "Client" : "Équipe (acceptation par téléphone)";
        var what = $"Modification acceptée : nouveau total {Euros.Format(totalCents)} (devis {number}{(version is { } v ? $" version {v}" : "")}, " +
            $"auparavant {Euros.Format(previousTotalCents)})";
        return [DossierHistoryEntry.For(this, at, actor, what), .. SettlePayments(at)];
    }

    public List<DossierHistoryEntry> QuoteVoided(Guid quoteId, string reason, DateTimeOffset at)
    {
        var history = new List<DossierHistoryEntry> { DossierHistoryEntry.For(this, at, SystemActor, $"Devis caduc : {reason}") };
        if (QuoteId == quoteId)
        {
            QuoteLineCount = 0;
        }

        if (!VoidedQuoteIds.Contains(quoteId))
        {
            VoidedQuoteIds = [.. VoidedQuoteIds, quoteId];
        }

        if (AcceptedQuoteId == quoteId)
        {
            history.AddRange(VoidAccepted(at));
        }

        return history;
    }

    /// <summary>
    /// « Annuler le dossier » confirmed at the payment service: the dossier goes to « Archivé » with the outcome « Annulé »
    /// and stays there (no event moves it, staff cannot restore it). Once only: the same cancellation again changes nothing.
    /// </summary>
    public List<DossierHistoryEntry> Cancel(CaseCancelled cancelled)
    {
        if (IsCancelled)
        {
            return [];
        }

        var at = cancelled.OccurredAt;
        (Outcome, CancelledAt, CancellationReason, CancellationRequestedBy) = (DossierOutcome.Cancelled, at, cancelled.Reason, cancelled.RequestedBy);
        var askedBy = cancelled.RequestedBy == "Customer" ? "du client" : "de l'organisation";
        var adjusted = string.IsNullOrWhiteSpace(cancelled.OverrideReason) ? "" : $" (montants fixés à la main : {cancelled.OverrideReason})";
        var what = $"Dossier annulé à la demande {askedBy} : {cancelled.Reason} — retenu {Euros.Format(cancelled.RetainedCents)}, " +
            $"remboursé {Euros.Format(cancelled.RefundCents)}{adjusted}";
        if (DossierWorkflow.Find(Status, DossierTrigger.Cancel) is { } transition)
        {
            return Move(transition, at, cancelled.StaffName, what);
        }

        // Already archived by staff: it stays there, and the column it would have come back to no longer matters.
        return [DossierHistoryEntry.For(this, at, cancelled.StaffName, what)];
    }

    private List<DossierHistoryEntry> VoidAccepted(DateTimeOffset at)
    {
        // A cancelled case keeps its accepted total on the card: the void of its quote is the cancellation's doing.
        if (PaidCents != 0 || IsCancelled)
        {
            return [];
        }

        (AcceptedQuoteId, AcceptedTotalCents) = (null, null);
        return Fire(DossierTrigger.AcceptedQuoteVoided, at, SystemActor, "Le devis accepté est caduc");
    }

    /// <summary>A move staff make by hand; the reason in French when it is not allowed from here.</summary>
    public (List<DossierHistoryEntry> History, string? Refusal) StaffMove(DossierTrigger trigger, string staffName, DateTimeOffset at)
    {
        if (!DossierWorkflow.StaffTriggers.Contains(trigger))
        {
            throw new ArgumentException($"{trigger} is not a staff move.", nameof(trigger));
        }

        if (IsCancelled)
        {
            return ([], DossierWorkflow.RefusalForCancelled(trigger));
        }

        var transition = DossierWorkflow.Find(Status, trigger);
        if (transition is null)
        {
            return ([], DossierWorkflow.RefusalFor(Status, trigger));
        }

        var what = trigger switch
        {
            DossierTrigger.MarkProcessed => "« Saisie dans le logiciel (Traité) » cochée",
            DossierTrigger.UnmarkProcessed => "« Saisie dans le logiciel (Traité) » décochée",
            DossierTrigger.Archive => "Dossier archivé",
            _ => "Dossier restauré",
        };
        return (Move(transition, at, staffName, what), null);
    }

    /// <summary>One history line for what happened: the move it caused, or the plain fact when the dossier stays where it is.</summary>
    private List<DossierHistoryEntry> Happened(DossierTrigger trigger, DateTimeOffset at, string actor, string what) =>
        Fire(trigger, at, actor, what) is { Count: > 0 } moved ? moved : [DossierHistoryEntry.For(this, at, actor, what)];

    /// <summary>An event's move: none when the table has none from here (late or repeated events change nothing).</summary>
    private List<DossierHistoryEntry> Fire(DossierTrigger trigger, DateTimeOffset at, string actor, string why)
    {
        if (IsCancelled)
        {
            // Cancelled: archived for good. A refund, a late payment or a late acceptance is told, never a move.
            return [];
        }

        if (Status == DossierStatus.Archived && StatusBeforeArchive is { } hidden)
        {
            // Archived: the card stays in « Archivé », but the column it would come back to follows the events.
            if (DossierWorkflow.Find(hidden, trigger) is { To: { } next })
            {
                StatusBeforeArchive = next;
                return [DossierHistoryEntry.For(this, at, actor, $"{why} (dossier archivé : il reviendra en « {DossierWorkflow.Label(next)} »)", hidden, next)];
            }

            return [];
        }

        return DossierWorkflow.Find(Status, trigger) is { } transition ? Move(transition, at, actor, why) : [];
    }

    private List<DossierHistoryEntry> Move(DossierTransition transition, DateTimeOffset at, string actor, string why)
    {
        var from = Status;
        var to = transition.To ?? StatusBeforeArchive ?? DossierStatus.New;
        StatusBeforeArchive = to == DossierStatus.Archived ? from : null;
        Status = to;
        StatusChangedAt = at;
        return [DossierHistoryEntry.For(this, at, actor, why, from, to)];
    }

    private void SetReadState(bool unread, DateTimeOffset at)
    {
        if (ReadStateAt is { } last && at < last)
        {
            return;
        }

        (HasUnreadMessages, ReadStateAt) = (unread, at);
    }

}

/// <summary>The outcome of a change of stay: refused (with the reason, and whether a confirmation would do), or done.</summary>
internal sealed record StayChange(string? Refusal, bool ConfirmationRequired, Guid? LostQuoteId, List<DossierHistoryEntry> History)
{
    public static StayChange Refused(string reason, bool confirmationRequired) => new(reason, confirmationRequired, null, []);

    public static StayChange Done(Guid? lostQuoteId, List<DossierHistoryEntry> history) => new(null, false, lostQuoteId, history);
}
