using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Design;

namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>Lets `dotnet ef migrations add` build a service's context without starting the service.</summary>
public abstract class DesignTimeDbContextFactory<TDbContext> : IDesignTimeDbContextFactory<TDbContext>
    where TDbContext : DbContext
{
    public TDbContext CreateDbContext(string[] args)
    {
        var options = new DbContextOptionsBuilder<TDbContext>()
            .UseNpgsql("Host=localhost;Database=design_time", npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .Options;
        var constructor = typeof(TDbContext).GetConstructors().Single();
        var arguments = constructor.GetParameters()
            .Select(p => p.ParameterType == typeof(TenantContext) ? new TenantContext(null) : (object)options)
            .ToArray();
        return (TDbContext)constructor.Invoke(arguments);
    }
}
