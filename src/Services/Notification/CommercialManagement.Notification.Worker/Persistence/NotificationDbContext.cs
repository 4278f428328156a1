using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Persistence;

internal sealed class NotificationDbContext(DbContextOptions<NotificationDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

internal sealed class NotificationDbContextFactory : DesignTimeDbContextFactory<NotificationDbContext>;
