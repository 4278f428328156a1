using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

internal sealed class QuoteDbContext(DbContextOptions<QuoteDbContext> options) : DbContext(options)
{
    protected override void OnModelCreating(ModelBuilder modelBuilder) => modelBuilder.AddMessagingTables();
}

internal sealed class QuoteDbContextFactory : DesignTimeDbContextFactory<QuoteDbContext>;
