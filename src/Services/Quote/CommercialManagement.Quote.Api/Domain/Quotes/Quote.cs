using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Quote.Api.Domain.Quotes;

/// <summary>
/// A case's quote. A guarded method per move, refusing loudly (<see cref="QuoteRuleException"/>): lines change only in
/// a draft, and changing a sent quote first keeps the sent version in the history and makes a new draft version;
/// acceptance only of the current, sent, unexpired version; an accepted quote is voided only with its case's
/// cancellation; refused and voided are final. An accepted quote changes through an amendment (« Modifier la commande »,
/// issue 16): its next version is a draft edited and sent as a quote is, the accepted lines kept aside
/// (<see cref="AcceptedLines"/>) until the customer accepts the new version or staff abandon it.
/// </summary>
internal sealed partial class Quote : ITenantOwned
{
    private readonly List<QuoteLine> _lines = [];
    private readonly List<QuoteVersion> _versions = [];

    private Quote()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The case id (the request's id).</summary>
    public Guid RequestId { get; private set; }

    /// <summary>As the customer reads it: DEV-2026-00042, numbered per organisation without gaps.</summary>
    public string Number { get; private set; } = "";

    public QuoteState State { get; private set; }

    public int Version { get; private set; } = 1;

    public QuotedStay Stay { get; private set; } = null!;

    public CustomerDetails Customer { get; private set; } = null!;

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public DateTimeOffset? SentAt { get; private set; }

    public DateOnly? ValidUntil { get; private set; }

    /// <summary>When the customer first opened the sent quote in their space (what the follow-up before expiry looks at).</summary>
    public DateTimeOffset? CustomerViewedAt { get; private set; }

    /// <summary>
    /// A draft never sent gave back its places after the organisation's « brouillon » days (issue 17): its lines hold
    /// nothing until it is sent, which holds them again or says why not. Null while it holds them.
    /// </summary>
    public DateTimeOffset? PlacesReleasedAt { get; private set; }

    public DateTimeOffset? AcceptedAt { get; private set; }

    public AcceptedBy? AcceptedBy { get; private set; }

    public int? AcceptedVersion { get; private set; }

    /// <summary>The customer's IP address (online) or the staff member's name (by phone).</summary>
    public string? AcceptedFrom { get; private set; }

    public string? AcceptanceNote { get; private set; }

    public DateTimeOffset? ClosedAt { get; private set; }

    /// <summary>Why it was refused or voided.</summary>
    public string? ClosingReason { get; private set; }

    /// <summary>The quote this one replaces after a change of stay.</summary>
    public Guid? ReplacesQuoteId { get; private set; }

    /// <summary>
    /// While an amendment is open: the accepted version's lines, kept whole (what « Abandonner la modification » puts back,
    /// what payments and invoices still follow). Null otherwise.
    /// </summary>
    public List<KeptLine>? AcceptedLines { get; private set; }

    /// <summary>An amendment of the accepted quote is open: the current version is its draft, or is sent to the customer.</summary>
    public bool IsAmendment => AcceptedLines is not null;

    /// <summary>The accepted version's totals while an amendment is open (what the customer accepted and pays against).</summary>
    public QuoteTotals? AcceptedTotals => AcceptedLines is { } kept ? QuoteTotals.Of(kept.Select(QuoteLine.Restore)) : null;

    public IReadOnlyList<QuoteLine> Lines => _lines;

    public IReadOnlyList<QuoteVersion> Versions => _versions;

    public QuoteTotals Totals => QuoteTotals.Of(_lines);

    public bool InProgress => State is QuoteState.Draft or QuoteState.Sent;

    /// <summary>Accepted, then voided with its case's cancellation (<see cref="VoidAccepted"/>): the case takes no more quotes.</summary>
    public bool CancelledWithCase => State == QuoteState.Voided && AcceptedAt is not null;

    public static Quote Create(Guid organisationId, Guid requestId, string number, QuotedStay stay, CustomerDetails customer, DateTimeOffset now, Guid? replaces = null) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = organisationId, RequestId = requestId, Number = number, State = QuoteState.Draft,
        Stay = stay, Customer = customer, CreatedAt = now, UpdatedAt = now, ReplacesQuoteId = replaces,
    };

    /// <summary>Expired (the job passed), or sent and past its validity date (the job has not passed yet).</summary>
    public bool IsExpired(DateOnly today) => State == QuoteState.Expired || (State == QuoteState.Sent && ValidUntil is { } until && today > until);

    public void AddLine(QuoteLine line, DateTimeOffset now)
    {
        Edit(now);
        line.PlaceAt(Id, _lines.Count == 0 ? 1 : _lines.Max(l => l.Position) + 1);
        _lines.Add(line);
    }

    public QuoteLine Line(Guid lineId) =>
        _lines.SingleOrDefault(l => l.Id == lineId) ?? throw new KeyNotFoundException($"Line {lineId} is not on quote {Id}.");

    public void ChangeQuantity(QuoteLine line, int quantity, int heldPerDate, int participants, DateTimeOffset now)
    {
        Edit(now);
        line.ChangeQuantity(quantity, heldPerDate, participants);
    }

    public void Reprice(QuoteLine line, Pricing.PricedLine priced, DateOnly from, DateOnly to, DateTimeOffset now)
    {
        Edit(now);
        line.Reprice(priced, from, to);
    }

    public void RemoveLine(QuoteLine line, DateTimeOffset now)
    {
        Edit(now);
        _lines.Remove(line);
    }

    public void ChangeCustomer(CustomerDetails customer, DateTimeOffset now)
    {
        Edit(now);
        Customer = customer;
    }

    /// <summary>
    /// What keeps a draft from being sent, in the words staff read: the panel shows them before asking « Envoyer le devis ? »,
    /// and <see cref="Send"/> refuses with the first. Empty when the draft can go (or when it is not a draft).
    /// </summary>
    public IReadOnlyList<string> SendBlockers()
    {
        if (State != QuoteState.Draft)
        {
            return [];
        }

        var blockers = new List<string>();
        if (!_lines.Any(l => l.Counted))
        {
            blockers.Add("Ajoutez au moins une prestation avant d'envoyer le devis.");
        }

        if (_lines.Any(l => !l.Counted))
        {
            blockers.Add("Des prestations sont signalées (plus disponibles ou sans tarif) : corrigez-les ou retirez-les avant d'envoyer le devis.");
        }

        if (!Customer.IsComplete)
        {
            blockers.Add("Complétez les coordonnées du client (nom, adresse, e-mail) avec « Éditer le devis » avant de l'envoyer.");
        }

        return blockers;
    }

    public void Send(DateOnly validUntil, DateTimeOffset now)
    {
        Require(QuoteState.Draft, "Seul un devis en brouillon peut être envoyé");
        if (SendBlockers() is [var first, ..])
        {
            throw new QuoteRuleException(first);
        }

        State = QuoteState.Sent;
        SentAt = now;
        ValidUntil = validUntil;
        PlacesReleasedAt = null;
        UpdatedAt = now;
    }

    public void Accept(AcceptedBy by, int version, string from, string? note, DateOnly today, DateTimeOffset now)
    {
        if (version != Version)
        {
            throw new QuoteRuleException($"La version {version} de ce devis a été remplacée par la version {Version} : seule la dernière peut être acceptée.");
        }

        if (IsExpired(today))
        {
            throw new QuoteRuleException($"Ce devis a expiré le {Pricing.Money.Date(ValidUntil!.Value)} : il ne peut plus être accepté.");
        }

        Require(QuoteState.Sent, "Seul un devis envoyé peut être accepté");

        State = QuoteState.Accepted;
        AcceptedLines = null;
        AcceptedAt = now;
        AcceptedBy = by;
        AcceptedVersion = version;
        AcceptedFrom = from;
        AcceptanceNote = string.IsNullOrWhiteSpace(note) ? null : note.Trim();
        UpdatedAt = now;
    }

    public void Refuse(string reason, DateTimeOffset now)
    {
        if (IsAmendment)
        {
            throw new QuoteRuleException(
                $"La modification de la commande (version {Version}) ne se refuse pas : la commande acceptée (version {AcceptedVersion}) reste valable. Abandonnez la modification pour y revenir.");
        }

        Require(QuoteState.Sent, "Seul un devis envoyé peut être refusé");
        Close(QuoteState.Refused, reason, now);
    }

    /// <summary>The customer was sent this quote, now or in an earlier version (a sent quote edited becomes a new draft version).</summary>
    public bool SeenByCustomer => SentAt is not null || Version > 1;

    /// <summary>The quote can no longer be accepted or paid (the stay changed, or staff withdrew it).</summary>
    public void Void(string reason, DateTimeOffset now)
    {
        if (!InProgress)
        {
            throw new QuoteRuleException($"Ce devis est {State.Label()} : il ne peut pas être annulé.");
        }

        if (IsAmendment)
        {
            throw new QuoteRuleException(
                $"Ce devis est accepté (version {AcceptedVersion}) et une modification est en cours : abandonnez la modification ; la commande ne s'annule qu'avec son dossier.");
        }

        Close(QuoteState.Voided, reason, now);
    }

    /// <summary>
    /// The case was cancelled (« Annuler le dossier », issue 16): its accepted quote is voided too. The only way an accepted
    /// quote is voided; its acceptance (who, when) stays on it.
    /// </summary>
    public void VoidAccepted(string reason, DateTimeOffset now)
    {
        if (!IsAmendment)
        {
            Require(QuoteState.Accepted, "Seul un devis accepté est annulé avec son dossier");
        }

        // An amendment still open goes with its order: the order cancelled is the accepted one, the amendment never was.
        AcceptedLines = null;
        Close(QuoteState.Voided, reason, now);
    }

    /// <summary>
    /// « Modifier la commande »: the accepted quote's next version opens as a draft, edited and sent like a quote; the
    /// accepted version is kept in the history (read-only) and its lines aside, what payments and invoices still follow
    /// until the customer accepts the new version. One amendment at a time; never on a voided quote. Its number follows
    /// every version the quote ever had (an abandoned amendment's too: a version number is never sent twice); the caller
    /// loads <see cref="Versions"/>.
    /// </summary>
    public void OpenAmendment(DateTimeOffset now)
    {
        if (IsAmendment)
        {
            throw new QuoteRuleException(
                $"Une modification de la commande est déjà en cours (version {Version}, {State.Label()}) : envoyez-la ou abandonnez-la avant d'en ouvrir une autre.");
        }

        Require(QuoteState.Accepted, "Seule une commande acceptée peut être modifiée");
        AcceptedLines = [.. _lines.OrderBy(l => l.Position).Select(l => l.Keep())];
        _versions.Add(QuoteVersion.Of(this, now));
        Version = _versions.Max(v => v.Version) + 1;
        State = QuoteState.Draft;
        SentAt = null;
        ValidUntil = null;
        UpdatedAt = now;
    }

    /// <summary>
    /// « Abandonner la modification »: back to the accepted version as it was (lines, number, sending date, validity); the
    /// amendment as it stood stays in the history, read-only, so that a next amendment never reuses a number the
    /// customer may have been sent. The caller loads <see cref="Versions"/> and moves the places from the amendment's
    /// lines back to the kept ones.
    /// </summary>
    public void AbandonAmendment(DateTimeOffset now)
    {
        if (AcceptedLines is not { } kept || AcceptedVersion is not { } accepted)
        {
            throw new QuoteRuleException($"Ce devis n'a pas de modification en cours : il est {State.Label()}.");
        }

        var acceptedVersion = _versions.SingleOrDefault(v => v.Version == accepted)
            ?? throw new InvalidOperationException($"Quote {Id}: the accepted version {accepted} is not in the loaded history.");
        _versions.Add(QuoteVersion.Of(this, now));
        _lines.Clear();
        foreach (var line in kept)
        {
            var restored = QuoteLine.Restore(line);
            restored.PlaceAt(Id, line.Position);
            _lines.Add(restored);
        }

        // The accepted version is the current one again: its read-only copy goes (the next amendment makes it anew).
        _versions.Remove(acceptedVersion);
        Version = accepted;
        State = QuoteState.Accepted;
        SentAt = acceptedVersion.SentAt;
        ValidUntil = acceptedVersion.ValidUntil;
        AcceptedLines = null;
        UpdatedAt = now;
    }

    /// <summary>Lines and customer change only in a draft; a sent quote first becomes a new draft version.</summary>
    private void Edit(DateTimeOffset now)
    {
        if (State == QuoteState.Sent)
        {
            _versions.Add(QuoteVersion.Of(this, now));
            Version++;
            State = QuoteState.Draft;
            SentAt = null;
            ValidUntil = null;
        }

        if (State == QuoteState.Accepted)
        {
            throw new QuoteRuleException("Ce devis est accepté : « Modifier la commande » en ouvre une modification, à faire accepter de nouveau par le client.");
        }

        Require(QuoteState.Draft, "Ce devis ne peut plus être modifié");
        UpdatedAt = now;
    }

    private void Require(QuoteState state, string what)
    {
        if (State != state)
        {
            throw new QuoteRuleException($"{what} : il est {State.Label()}.");
        }
    }

    private void Close(QuoteState state, string reason, DateTimeOffset now)
    {
        State = state;
        ClosedAt = now;
        ClosingReason = reason;
        UpdatedAt = now;
    }
}
