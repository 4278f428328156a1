using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

internal sealed class QuoteDbContext(DbContextOptions<QuoteDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<OrganisationCopy> Organisations => Set<OrganisationCopy>();

    public DbSet<CaseCopy> Cases => Set<CaseCopy>();

    public DbSet<Product> Products => Set<Product>();

    public DbSet<Availability> Availability => Set<Availability>();

    public DbSet<Domain.Quotes.Quote> Quotes => Set<Domain.Quotes.Quote>();

    public DbSet<QuoteLine> QuoteLines => Set<QuoteLine>();

    public DbSet<QuoteVersion> QuoteVersions => Set<QuoteVersion>();

    /// <summary>The next quote number of the organisation for the year, in the caller's transaction: a rollback gives it back.</summary>
    public async Task<long> NextQuoteNumberAsync(Guid organisationId, int year, CancellationToken cancellationToken) =>
        (await Database.SqlQuery<long>($"""
            INSERT INTO quote_counters ("OrganisationId", "Year", "Last") VALUES ({organisationId}, {year}, 1)
            ON CONFLICT ("OrganisationId", "Year") DO UPDATE SET "Last" = quote_counters."Last" + 1
            RETURNING "Last" AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    /// <summary>
    /// Serialises every change to one case's quotes until the transaction ends (two agents adding lines to the same
    /// case, the first line creating the quote, a change of stay arriving meanwhile).
    /// </summary>
    public Task LockCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({caseId.ToString()}, 0))", cancellationToken);

    /// <summary>Every save that adds or changes a product announces it (<c>CatalogueProductChanged</c>), in the same transaction.</summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        AnnounceProducts();
        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    public override Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        AnnounceProducts();
        return base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
    }

    /// <summary>The product's whole current state, dated when it last changed: an announcement repeated at start changes nothing.</summary>
    public static CatalogueProductChanged Announcement(Product product) => new()
    {
        OrganisationId = product.OrganisationId, OccurredAt = product.UpdatedAt, ProductId = product.Id, Name = product.Name, Type = product.Type.ToString(),
        Capacity = product.Capacity, Retired = product.Retired,
    };

    private void AnnounceProducts()
    {
        foreach (var entry in ChangeTracker.Entries<Product>().Where(e => e.State is EntityState.Added or EntityState.Modified).ToList())
        {
            this.AddToOutbox(Announcement(entry.Entity));
        }
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.AddScheduledOnce();
        CopiesModel.Configure(modelBuilder);
        CatalogueModel.Configure(modelBuilder);
        QuotesModel.Configure(modelBuilder);
    }
}

/// <summary>The last quote number given in an organisation for a year; taken with one upsert in the creating transaction.</summary>
internal sealed class QuoteCounter : ITenantOwned
{
    public Guid OrganisationId { get; set; }

    public int Year { get; set; }

    public long Last { get; set; }
}

internal sealed class QuoteDbContextFactory : DesignTimeDbContextFactory<QuoteDbContext>;
