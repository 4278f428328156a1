namespace CommercialManagement.Quote.Api.Domain.Quotes;

/// <summary>What time does to a quote (issue 17): its expiry, « Prolonger la validité », the customer's first view, a draft's places released.</summary>
internal sealed partial class Quote
{
    /// <summary>The customer opened the sent quote in their space: the first time is kept.</summary>
    public void ViewedByCustomer(DateTimeOffset now) => CustomerViewedAt ??= now;

    /// <summary>
    /// The night after its validity date: a sent quote (not an amendment, whose accepted order stays) becomes « Expirée »;
    /// the caller gives back its places. Refused for a quote still valid <paramref name="today"/>.
    /// </summary>
    public void Expire(DateOnly today, DateTimeOffset now)
    {
        Require(QuoteState.Sent, "Seul un devis envoyé peut expirer");
        if (IsAmendment)
        {
            throw new QuoteRuleException("Une modification de la commande n'expire pas : la commande acceptée reste valable.");
        }

        if (ValidUntil is not { } until || today <= until)
        {
            throw new QuoteRuleException($"Ce devis est valable jusqu'au {Pricing.Money.Date(ValidUntil ?? today)} : il n'a pas expiré.");
        }

        State = QuoteState.Expired;
        ClosedAt = now;
        ClosingReason = $"expiré le {Pricing.Money.Date(until)}";
        UpdatedAt = now;
    }

    /// <summary>
    /// « Prolonger la validité »: a sent or expired quote is valid until <paramref name="until"/> (today or later); an
    /// expired one is sent again, the caller holding its places again first (or refusing with the reason).
    /// </summary>
    public void ExtendValidity(DateOnly until, DateOnly today, DateTimeOffset now)
    {
        if (State is not (QuoteState.Sent or QuoteState.Expired))
        {
            throw new QuoteRuleException($"Seul un devis envoyé ou expiré peut être prolongé : il est {State.Label()}.");
        }

        if (until < today)
        {
            throw new QuoteRuleException($"La nouvelle date de validité ({Pricing.Money.Date(until)}) est passée : choisissez aujourd'hui ou plus tard.");
        }

        if (State == QuoteState.Expired)
        {
            State = QuoteState.Sent;
            ClosedAt = null;
            ClosingReason = null;
        }

        ValidUntil = until;
        UpdatedAt = now;
    }

    /// <summary>The released draft's lines hold their places again (the caller held them, or flagged the lines it could not).</summary>
    public void PlacesHeldAgain() => PlacesReleasedAt = null;

    /// <summary>A draft unsent for too long gave back its places (the caller released them); they are held again when it is sent.</summary>
    public void PlacesReleased(DateTimeOffset now)
    {
        Require(QuoteState.Draft, "Seul un brouillon rend ses places");
        PlacesReleasedAt ??= now;
    }
}
