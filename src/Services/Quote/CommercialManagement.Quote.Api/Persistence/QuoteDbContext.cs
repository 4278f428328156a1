using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

internal sealed class QuoteDbContext(DbContextOptions<QuoteDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal sealed class QuoteDbContextFactory : DesignTimeDbContextFactory<QuoteDbContext>;
