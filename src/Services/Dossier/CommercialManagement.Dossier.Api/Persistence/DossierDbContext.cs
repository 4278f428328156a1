using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Domain.Reporting;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Persistence;

internal sealed class DossierDbContext(DbContextOptions<DossierDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<Domain.Dossier> Dossiers => Set<Domain.Dossier>();

    public DbSet<DossierHistoryEntry> History => Set<DossierHistoryEntry>();

    public DbSet<DossierPayment> Payments => Set<DossierPayment>();

    public DbSet<BoardCountDelta> BoardCountDeltas => Set<BoardCountDelta>();

    /// <summary>« Pilotage »: the accepted turnover's movements.</summary>
    public DbSet<SaleEntry> SaleEntries => Set<SaleEntry>();

    /// <summary>« Pilotage »: the invoices and credit notes of each case.</summary>
    public DbSet<DossierInvoice> Invoices => Set<DossierInvoice>();

    /// <summary>« Pilotage »: the payment requests of each case, open until withdrawn or paid.</summary>
    public DbSet<DossierPaymentRequest> PaymentRequests => Set<DossierPaymentRequest>();

    /// <summary>« Pilotage »: the catalogue's products and their units, for the occupancy of accommodation.</summary>
    public DbSet<CatalogueProduct> CatalogueProducts => Set<CatalogueProduct>();

    /// <summary>« Pilotage »: its money totals by day, assignee, measure and product (<see cref="ReportTotals"/>).</summary>
    public DbSet<ReportTotal> ReportTotals => Set<ReportTotal>();

    /// <summary>
    /// Every save records the board's count deltas of the column changes it commits (<see cref="BoardCounts"/>) and
    /// announces the dossiers it changes (<see cref="DossierChanges"/>). « Pilotage »'s totals are kept by the asynchronous
    /// save only (they take statements before and after it): a synchronous save that would change them is refused.
    /// </summary>
    public override int SaveChanges(bool acceptAllChangesOnSuccess)
    {
        RecordChanges();
        if (Persistence.ReportTotals.Plan(ChangeTracker) is not null)
        {
            throw new InvalidOperationException("Facts of « Pilotage » are saved with SaveChangesAsync, which keeps their totals.");
        }

        return base.SaveChanges(acceptAllChangesOnSuccess);
    }

    /// <summary>
    /// Saves, and keeps « Pilotage »'s totals in the same transaction (one is opened when the caller has none): the
    /// reassigned cases are taken from their old assignee before the save, the facts added and the reassigned cases are
    /// counted after it.
    /// </summary>
    public override async Task<int> SaveChangesAsync(bool acceptAllChangesOnSuccess, CancellationToken cancellationToken = default)
    {
        RecordChanges();
        var totals = Persistence.ReportTotals.Plan(ChangeTracker);
        if (totals is null)
        {
            return await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        }

        await using var own = Database.CurrentTransaction is null ? await Database.BeginTransactionAsync(cancellationToken) : null;
        await totals.BeforeAsync(this, cancellationToken);
        var saved = await base.SaveChangesAsync(acceptAllChangesOnSuccess, cancellationToken);
        await totals.AfterAsync(this, cancellationToken);
        if (own is not null)
        {
            await own.CommitAsync(cancellationToken);
        }

        return saved;
    }

    private void RecordChanges()
    {
        BoardCounts.Record(ChangeTracker);
        DossierChanges.Record(ChangeTracker, TimeProvider.System.GetUtcNow());
    }

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Domain.Dossier>(dossier =>
        {
            dossier.ToTable("dossiers");
            dossier.HasKey(d => d.Id);
            dossier.Property(d => d.Id).ValueGeneratedNever();
            dossier.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
            dossier.Property(d => d.Channel).HasConversion<string>().HasMaxLength(20);
            dossier.Property(d => d.CustomerName).HasMaxLength(200);
            dossier.Property(d => d.CustomerEmail).HasMaxLength(254);
            dossier.Property(d => d.CustomerPhone).HasMaxLength(40);
            dossier.Property(d => d.StatusBeforeArchive).HasConversion<string>().HasMaxLength(30);
            dossier.Property(d => d.QuoteNumber).HasMaxLength(40);
            dossier.Property(d => d.Reference).HasMaxLength(20);
            dossier.Property(d => d.AssigneeName).HasMaxLength(200);
            dossier.HasIndex(d => new { d.OrganisationId, d.Reference });
            dossier.Property(d => d.Outcome).HasConversion<string>().HasMaxLength(20);
            dossier.Property(d => d.CancellationReason).HasMaxLength(1000);
            dossier.Property(d => d.CancellationRequestedBy).HasMaxLength(20);
            dossier.Ignore(d => d.HasQuoteInProgress);
            dossier.Ignore(d => d.IsCancelled);
            // Optimistic concurrency on PostgreSQL's xmin: two events applied at once to the same dossier would
            // otherwise each miss the other's fact (an acceptance and a payment); the loser is retried.
            dossier.Property<uint>("Version").IsRowVersion();
            // A board column pages by (StatusChangedAt DESC, Id DESC) on this index, and the board's grouped count reads it
            // alone (index-only). With the id in it too, deep pages skip a small sort but the wider index priced the
            // count above a seq scan: 60-70 ms instead of 30-40 at 100,000 dossiers. The search's trigram index is in
            // the migration BoardSearchAndArrivalIndexes (raw SQL).
            dossier.HasIndex(d => new { d.OrganisationId, d.Status, d.StatusChangedAt });
            dossier.HasIndex(d => new { d.OrganisationId, d.Arrival });
            // « Pilotage »'s funnel takes the cases received in a period, with their steps (index-only: the table's rows are
            // wide, and a season of them read from the heap took most of the page's time).
            dossier.HasIndex(d => new { d.OrganisationId, d.CreatedAt })
                .IncludeProperties(d => new { d.AssigneeId, d.FirstAnsweredAt, d.FirstQuoteSentAt, d.FirstAcceptedAt, d.DepositPaidAt, d.PaidInFullAt });
            // « Pilotage »'s balances: only the cases that owe something or were overpaid (most are settled).
            dossier.HasIndex(d => d.OrganisationId)
                .HasDatabaseName("IX_dossiers_Balances")
                .IncludeProperties(d => new { d.AssigneeId, d.AcceptedTotalCents, d.PaidCents, d.BalanceOverdueOn })
                .HasFilter("\"AcceptedTotalCents\" IS NOT NULL AND \"AcceptedTotalCents\" <> \"PaidCents\" AND \"Outcome\" <> 'Cancelled'");
        });

        modelBuilder.Entity<SaleEntry>(entry =>
        {
            entry.ToTable("sale_entries");
            entry.HasKey(e => e.Id);
            entry.Property(e => e.Id).ValueGeneratedNever();
            entry.Property(e => e.ProductType).HasMaxLength(40);
            entry.Property(e => e.ProductName).HasMaxLength(200);
            entry.HasOne<Domain.Dossier>().WithMany().HasForeignKey(e => e.DossierId).OnDelete(DeleteBehavior.Cascade);
            entry.HasIndex(e => new { e.OrganisationId, e.At });
            entry.HasIndex(e => e.DossierId);
            // The occupancy reads the accommodation lines whose stay crosses the period.
            entry.HasIndex(e => new { e.OrganisationId, e.ProductType, e.From }).IncludeProperties(e => new { e.To, e.Units, e.ProductId });
        });

        modelBuilder.Entity<CatalogueProduct>(product =>
        {
            product.ToTable("catalogue_products");
            product.HasKey(p => p.Id);
            product.Property(p => p.Id).ValueGeneratedNever();
            product.Property(p => p.Name).HasMaxLength(200);
            product.Property(p => p.Type).HasMaxLength(40);
        });

        modelBuilder.Entity<DossierInvoice>(invoice =>
        {
            invoice.ToTable("dossier_invoices");
            invoice.HasKey(i => i.Id);
            invoice.Property(i => i.Id).ValueGeneratedNever();
            invoice.Property(i => i.Number).HasMaxLength(40);
            invoice.Property(i => i.Kind).HasMaxLength(20);
            invoice.Property(i => i.CorrectsNumber).HasMaxLength(40);
            invoice.HasOne<Domain.Dossier>().WithMany().HasForeignKey(i => i.DossierId).OnDelete(DeleteBehavior.Cascade);
            invoice.HasIndex(i => new { i.OrganisationId, i.IssuedAt });
            invoice.HasIndex(i => i.DossierId);
        });

        modelBuilder.Entity<DossierPaymentRequest>(request =>
        {
            request.ToTable("dossier_payment_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).ValueGeneratedNever();
            request.Property(r => r.Kind).HasMaxLength(20);
            request.HasOne<Domain.Dossier>().WithMany().HasForeignKey(r => r.DossierId).OnDelete(DeleteBehavior.Cascade);
            // « Pilotage » reads the open ones only: a few per organisation, however many were ever asked.
            request.HasIndex(r => r.OrganisationId).HasFilter("\"ClosedAt\" IS NULL").HasDatabaseName("IX_dossier_payment_requests_open");
            request.HasIndex(r => new { r.DossierId, r.RequestedAt });
        });

        modelBuilder.Entity<DossierHistoryEntry>(entry =>
        {
            entry.ToTable("dossier_history");
            entry.HasKey(h => h.Id);
            entry.Property(h => h.Actor).HasMaxLength(200);
            entry.Property(h => h.What).HasMaxLength(1000);
            entry.Property(h => h.From).HasConversion<string>().HasMaxLength(30);
            entry.Property(h => h.To).HasConversion<string>().HasMaxLength(30);
            entry.HasOne<Domain.Dossier>().WithMany().HasForeignKey(h => h.DossierId).OnDelete(DeleteBehavior.Cascade);
            entry.HasIndex(h => new { h.DossierId, h.At });
        });

        modelBuilder.Entity<ReferenceCounter>(counter =>
        {
            counter.ToTable("reference_counters");
            counter.HasKey(c => c.OrganisationId);
        });

        modelBuilder.Entity<BoardCountDelta>(delta =>
        {
            delta.ToTable("board_count_deltas");
            delta.HasKey(d => d.Id);
            delta.Property(d => d.Id).UseIdentityAlwaysColumn();
            delta.Property(d => d.Status).HasConversion<string>().HasMaxLength(30);
            delta.HasIndex(d => new { d.OrganisationId, d.Status }).IncludeProperties(d => d.Delta);
        });

        modelBuilder.Entity<ReportTotal>(total =>
        {
            total.ToTable("report_totals");
            total.HasKey(t => t.Id);
            total.Property(t => t.Id).UseIdentityAlwaysColumn();
            total.Property(t => t.AssigneeName).HasMaxLength(200);
            total.Property(t => t.Measure).HasMaxLength(20);
            total.Property(t => t.Key).HasMaxLength(250);
            total.Property(t => t.ProductType).HasMaxLength(40);
            total.Property(t => t.Label).HasMaxLength(200);
            // The page reads a period's rows of the organisation and nothing else (index-only once vacuumed).
            total.HasIndex(t => new { t.OrganisationId, t.Day })
                .IncludeProperties(t => new { t.AssigneeId, t.Measure, t.Key, t.ProductType, t.Cents, t.Count });
        });

        modelBuilder.Entity<DossierPayment>(payment =>
        {
            payment.ToTable("dossier_payments");
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Id).ValueGeneratedNever();
            payment.HasOne<Domain.Dossier>().WithMany().HasForeignKey(p => p.DossierId).OnDelete(DeleteBehavior.Cascade);
            // « Pilotage »'s collected turnover sums a period's payments and refunds.
            payment.HasIndex(p => new { p.OrganisationId, p.At }).IncludeProperties(p => p.AmountCents);
        });
    }
}

/// <summary>The last dossier number given in an organisation; see <see cref="DossierNumbers"/>.</summary>
internal sealed class ReferenceCounter : ITenantOwned
{
    public Guid OrganisationId { get; set; }

    public long Last { get; set; }
}

internal sealed class DossierDbContextFactory : DesignTimeDbContextFactory<DossierDbContext>;
