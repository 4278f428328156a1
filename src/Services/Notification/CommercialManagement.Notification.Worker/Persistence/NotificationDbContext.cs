using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Persistence;

internal sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
    }
}

internal sealed class NotificationDbContextFactory : DesignTimeDbContextFactory<NotificationDbContext>;
