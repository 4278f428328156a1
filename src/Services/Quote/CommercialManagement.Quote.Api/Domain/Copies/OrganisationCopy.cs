using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Quote.Api.Domain.Copies;

/// <summary>
/// The copy of an organisation the quotes need, kept from <c>OrganisationChanged</c> (the latest wins): its kind (the
/// booking office sells the marketplace), legal details, terms of sale and cancellation terms for the document, deposit,
/// balance, validity and numbering.
/// </summary>
internal sealed class OrganisationCopy : ITenantOwned
{
    public const string BookingOffice = "BookingOffice";

    private OrganisationCopy()
    {
    }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Kind { get; private set; } = "";

    public string Address { get; private set; } = "";

    public string? Siret { get; private set; }

    public string? VatNumber { get; private set; }

    public string? TravelOperatorRegistration { get; private set; }

    public string ContactEmail { get; private set; } = "";

    public string? ContactPhone { get; private set; }

    public int DepositPercentage { get; private set; } = 30;

    public int BalanceDueDaysBeforeArrival { get; private set; } = 30;

    public int QuoteValidityDays { get; private set; } = 7;

    public string QuoteNumberPrefix { get; private set; } = "DEV";

    public string TermsOfSale { get; private set; } = "";

    /// <summary>The organisation's cancellation terms, printed on the quote; null: the defaults (<c>CancellationTerms.Default</c>).</summary>
    public IReadOnlyList<CancellationTier>? CancellationTerms { get; private set; }

    /// <summary>What the organisation lets time do (issue 17): quote follow-up and expiry email, how long a draft holds its places.</summary>
    public ScheduleSettings Schedule { get; private set; } = new();

    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The settings of an organisation whose details have not arrived yet: PRODUCT.md's defaults.</summary>
    public static OrganisationCopy Default(Guid organisationId) => new() { OrganisationId = organisationId };

    public static OrganisationCopy From(OrganisationChanged changed)
    {
        var copy = new OrganisationCopy { OrganisationId = changed.OrganisationId, ChangedAt = DateTimeOffset.MinValue };
        copy.Apply(changed);
        return copy;
    }

    public bool IsBookingOffice { get; private set; }

    /// <summary>The latest change wins; an older one arriving late changes nothing.</summary>
    public void Apply(OrganisationChanged changed)
    {
        if (changed.OccurredAt < ChangedAt)
        {
            return;
        }

        Name = changed.Name;
        Kind = changed.Kind;
        IsBookingOffice = changed.Kind == BookingOffice;
        Address = changed.Address;
        Siret = changed.Siret;
        VatNumber = changed.VatNumber;
        TravelOperatorRegistration = changed.TravelOperatorRegistration;
        ContactEmail = changed.ContactEmail;
        ContactPhone = changed.ContactPhone;
        DepositPercentage = changed.DepositPercentage;
        BalanceDueDaysBeforeArrival = changed.BalanceDueDaysBeforeArrival;
        QuoteValidityDays = changed.QuoteValidityDays;
        QuoteNumberPrefix = string.IsNullOrWhiteSpace(changed.QuoteNumberPrefix) ? "DEV" : changed.QuoteNumberPrefix.Trim();
        TermsOfSale = changed.TermsOfSale;
        CancellationTerms = changed.CancellationTerms is { Count: > 0 } terms ? [.. terms] : null;
        Schedule = changed.Schedule ?? new ScheduleSettings();
        ChangedAt = changed.OccurredAt;
    }
}
