namespace CommercialManagement.Documents;

/// <summary>The language a document is written in.</summary>
public enum DocumentLanguage
{
    /// <summary>French, the default.</summary>
    French,
    /// <summary>English.</summary>
    English,
}

/// <summary>Who issues the document: the header, the footer's legal details and the terms of sale.</summary>
public sealed record SellerDetails
{
    /// <summary>The trading name, first in the header.</summary>
    public required string Name { get; init; }
    /// <summary>The postal address, one line each.</summary>
    public required IReadOnlyList<string> AddressLines { get; init; }
    /// <summary>The SIRET, in the footer.</summary>
    public required string Siret { get; init; }
    /// <summary>The intra-community VAT number, when the seller has one.</summary>
    public string? VatNumber { get; init; }
    /// <summary>Atout France registration (IM…), which only travel operators have.</summary>
    public string? TravelOperatorRegistration { get; init; }
    /// <summary>Legal form and share capital (« SAS au capital de 50 000 € »), first of the footer's legal details when given.</summary>
    public string? LegalForm { get; init; }
    /// <summary>The register and its city (« RCS Chambéry »), printed with the SIREN (the SIRET's first nine digits).</summary>
    public string? TradeRegister { get; init; }
    /// <summary>The contact email, in the header and the footer.</summary>
    public required string Email { get; init; }
    /// <summary>The contact phone, when there is one.</summary>
    public string? Phone { get; init; }
    /// <summary>The terms of sale, one paragraph a line; a document that prints them draws them itself.</summary>
    public string TermsOfSale { get; init; } = "";
}

/// <summary>Whom the document is made out to: the customer panel.</summary>
public sealed record CustomerDetails
{
    /// <summary>The customer's name.</summary>
    public required string Name { get; init; }
    /// <summary>The postal address, one line each.</summary>
    public required IReadOnlyList<string> AddressLines { get; init; }
    /// <summary>The email, when known.</summary>
    public string? Email { get; init; }
    /// <summary>The phone, when known.</summary>
    public string? Phone { get; init; }
}

/// <summary>The stay the document is about: the stay panel.</summary>
public sealed record StayDetails
{
    /// <summary>The first day.</summary>
    public required DateOnly Arrival { get; init; }
    /// <summary>The last day.</summary>
    public required DateOnly Departure { get; init; }
    /// <summary>The number of nights.</summary>
    public required int Nights { get; init; }
    /// <summary>The number of adults.</summary>
    public required int Adults { get; init; }
    /// <summary>Each child's age, in years.</summary>
    public IReadOnlyList<int> ChildrenAges { get; init; } = [];
}
