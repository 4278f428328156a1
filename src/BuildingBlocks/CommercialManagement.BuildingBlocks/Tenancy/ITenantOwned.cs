namespace CommercialManagement.BuildingBlocks.Tenancy;

/// <summary>A row that belongs to one organisation; <see cref="Persistence.TenantDbContext"/> filters every query on it.</summary>
public interface ITenantOwned
{
    Guid OrganisationId { get; }
}
