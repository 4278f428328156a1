using System.Linq.Expressions;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// A service's context: every <see cref="ITenantOwned"/> entity gets a query filter on the scope's organisation
/// (none: no rows), and the outbox and inbox tables are part of the model.
/// </summary>
public abstract class TenantDbContext(DbContextOptions options, TenantContext tenant) : DbContext(options)
{
    /// <summary>Read by the query filters on every query (EF Core parameterises it per context instance).</summary>
    public Guid? CurrentOrganisationId => tenant.OrganisationId;

    protected TenantContext Tenant => tenant;

    protected override void OnModelCreating(ModelBuilder modelBuilder)
    {
        ConfigureModel(modelBuilder);
        modelBuilder.AddMessagingTables();
        foreach (var entityType in modelBuilder.Model.GetEntityTypes()
                     .Where(e => typeof(ITenantOwned).IsAssignableFrom(e.ClrType) && e.BaseType is null))
        {
            var row = Expression.Parameter(entityType.ClrType, "row");
            var owner = Expression.Convert(Expression.Property(row, nameof(ITenantOwned.OrganisationId)), typeof(Guid?));
            var current = Expression.Property(Expression.Constant(this), nameof(CurrentOrganisationId));
            modelBuilder.Entity(entityType.ClrType).HasQueryFilter(Expression.Lambda(Expression.Equal(owner, current), row));
        }
    }

    protected abstract void ConfigureModel(ModelBuilder modelBuilder);
}
