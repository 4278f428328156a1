using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>
/// The organisation's name, payment terms and legal identity (what its invoices print), kept from <c>OrganisationChanged</c>
/// (the latest wins); PRODUCT.md's defaults until it arrives.
/// </summary>
internal sealed class OrganisationSettings : ITenantOwned
{
    private OrganisationSettings()
    {
    }

    public Guid OrganisationId { get; private set; }

    /// <summary>The organisation's name, the merchant the sandbox's checkout page shows.</summary>
    public string Name { get; private set; } = "";

    public int DepositPercentage { get; private set; } = 30;

    public int BalanceDueDaysBeforeArrival { get; private set; } = 30;

    public string Address { get; private set; } = "";

    public string? Siret { get; private set; }

    public string? VatNumber { get; private set; }

    public string? LegalForm { get; private set; }

    public string? TradeRegister { get; private set; }

    public string? TravelOperatorRegistration { get; private set; }

    public string? ContactEmail { get; private set; }

    public string? ContactPhone { get; private set; }

    /// <summary>Null: the legal minimum's wording.</summary>
    public string? LatePaymentTerms { get; private set; }

    /// <summary>Whether the final invoice waits for « Commande traitée » rather than the full payment.</summary>
    public bool FinalInvoiceWhenProcessed { get; private set; }

    /// <summary>The organisation's cancellation terms; none: the defaults (<c>CancellationTerms.Default</c>).</summary>
    public List<CancellationTier> CancellationTerms { get; private set; } = [];

    /// <summary>What the organisation lets time do (« Échéances et relances »): the payment schedule's settings.</summary>
    public ScheduleSettings Schedule { get; private set; } = new();

    /// <summary>Journal codes and account numbers of the accounting exports (« Comptabilité »); the defaults until set.</summary>
    public AccountingSettings Accounting { get; private set; } = new();

    public DateTimeOffset ChangedAt { get; private set; } = DateTimeOffset.MinValue;

    public static OrganisationSettings Default(Guid organisationId) => new() { OrganisationId = organisationId };

    public void Apply(OrganisationChanged changed)
    {
        if (changed.OccurredAt < ChangedAt)
        {
            return;
        }

        Name = changed.Name;
        DepositPercentage = changed.DepositPercentage;
        BalanceDueDaysBeforeArrival = changed.BalanceDueDaysBeforeArrival;
        Address = changed.Address;
        Siret = changed.Siret;
        VatNumber = changed.VatNumber;
        LegalForm = changed.LegalForm;
        TradeRegister = changed.TradeRegister;
        TravelOperatorRegistration = changed.TravelOperatorRegistration;
        ContactEmail = changed.ContactEmail;
        ContactPhone = changed.ContactPhone;
        LatePaymentTerms = changed.LatePaymentTerms;
        FinalInvoiceWhenProcessed = changed.FinalInvoiceWhen == "Processed";
        CancellationTerms = [.. changed.CancellationTerms ?? []];
        Schedule = changed.Schedule ?? new();
        Accounting = changed.Accounting ?? new();
        ChangedAt = changed.OccurredAt;
    }
}
