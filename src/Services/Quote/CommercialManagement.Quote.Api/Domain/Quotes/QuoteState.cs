namespace CommercialManagement.Quote.Api.Domain.Quotes;

/// <summary>
/// Where a quote stands. A sent quote past its validity date cannot be accepted; the night after that date the
/// <c>quote-expiry</c> job makes it <see cref="Expired"/> (« Expirée ») and gives back its places. Staff may extend its
/// validity (« Prolonger la validité »): it is sent again, its places held again when still free.
/// </summary>
internal enum QuoteState
{
    Draft = 0,
    Sent = 1,
    Accepted = 2,
    Refused = 3,
    Voided = 4,

    /// <summary>Its validity date passed (issue 17): no longer acceptable, its places given back; staff may extend it.</summary>
    Expired = 5,
}

internal static class QuoteStates
{
    /// <summary>The state as a French sentence ends: « il est … ».</summary>
    public static string Label(this QuoteState state) => state switch
    {
        QuoteState.Draft => "en brouillon",
        QuoteState.Sent => "envoyé",
        QuoteState.Accepted => "accepté",
        QuoteState.Refused => "refusé",
        QuoteState.Voided => "annulé",
        QuoteState.Expired => "expiré",
        _ => state.ToString(),
    };
}

internal enum AcceptedBy
{
    Customer = 0,
    Staff = 1,
}

/// <summary>
/// The customer as the quote document names them (« Éditer le devis »), stored with each version. A business customer gives its registration (SIREN or SIRET) and, when it has one, its
/// intra-community VAT number: its invoices then carry the mentions a business invoice owes (issue 16).
/// </summary>
internal sealed record CustomerDetails(string Name, string Address, string Email, string Phone, string? CompanyId = null, string? VatNumber = null)
{
    public bool IsBusiness => CompanyId is not null || VatNumber is not null;

    public bool IsComplete => !string.IsNullOrWhiteSpace(Name) && !string.IsNullOrWhiteSpace(Address) && !string.IsNullOrWhiteSpace(Email);
}

/// <summary>The stay and party a quote was priced for.</summary>
internal sealed record QuotedStay(DateOnly? Arrival, DateOnly? Departure, int Adults, IReadOnlyList<int> ChildrenAges)
{
    public int Nights => Arrival is { } from && Departure is { } to ? to.DayNumber - from.DayNumber : 0;

    public int People => Adults + ChildrenAges.Count;
}

/// <summary>A move the quote's rules forbid, with the reason staff read (409).</summary>
internal sealed class QuoteRuleException(string reason) : Exception(reason);
