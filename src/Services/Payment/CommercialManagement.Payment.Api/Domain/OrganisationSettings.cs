using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>The organisation's name and payment terms, kept from <c>OrganisationChanged</c> (the latest wins); PRODUCT.md's defaults until it arrives.</summary>
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
        ChangedAt = changed.OccurredAt;
    }
}
