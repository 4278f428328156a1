using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Persistence;

internal sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal sealed class PaymentDbContextFactory : DesignTimeDbContextFactory<PaymentDbContext>;
