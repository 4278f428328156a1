namespace CommercialManagement.Quote.Api.Domain.Quotes;

/// <summary>Where a quote stands. Expiry is not a state: a sent quote past its validity date cannot be accepted.</summary>
internal enum QuoteState
{
    Draft = 0,
    Sent = 1,
    Accepted = 2,
    Refused = 3,
    Voided = 4,
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
