using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Xunit;

namespace CommercialManagement.TestKit;

public static class TenancyAssert
{
    /// <summary>
    /// Fails when an entity has an organisation id but is not <see cref="ITenantOwned"/>, or is tenant-owned without a
    /// query filter: a new entity cannot be forgotten.
    /// </summary>
    public static void EveryTenantEntityIsFiltered(DbContext context)
    {
        var entities = context.Model.GetEntityTypes().ToList();
        Assert.NotEmpty(entities);
        // ScheduledOnce (a job's step done once) is written by the jobs only, across organisations, by its unique key: its
        // organisation is a record of whose step it was, never a filter (ADR 0023).
        foreach (var entity in entities.Where(e => e.ClrType != typeof(CommercialManagement.BuildingBlocks.Scheduling.ScheduledOnce)))
        {
            var hasOrganisation = entity.FindProperty(nameof(ITenantOwned.OrganisationId)) is not null;
            var owned = typeof(ITenantOwned).IsAssignableFrom(entity.ClrType);
            Assert.False(hasOrganisation && !owned, $"{entity.ClrType.Name} has an OrganisationId but is not ITenantOwned.");
            if (owned)
            {
                Assert.True(entity.GetDeclaredQueryFilters().Count > 0, $"{entity.ClrType.Name} is tenant-owned but has no query filter.");
            }
        }
    }
}
