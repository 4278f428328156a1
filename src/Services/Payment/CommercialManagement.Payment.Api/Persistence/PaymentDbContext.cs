using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Persistence;

internal sealed class PaymentDbContext(DbContextOptions<PaymentDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public const string StripeEventsTable = "stripe_events";

    public DbSet<OrganisationSettings> Organisations => Set<OrganisationSettings>();

    public DbSet<PaymentCase> Cases => Set<PaymentCase>();

    public DbSet<Domain.Payment> Payments => Set<Domain.Payment>();

    public DbSet<PaymentRequest> PaymentRequests => Set<PaymentRequest>();

    public DbSet<Refund> Refunds => Set<Refund>();

    public DbSet<RefundOrder> RefundOrders => Set<RefundOrder>();

    /// <summary>Invoices and credit notes, issued for good.</summary>
    public DbSet<Invoice> Invoices => Set<Invoice>();

    /// <summary>Cross-organisation by nature (see <see cref="StripeEvent"/>): query it with explicit filters.</summary>
    public DbSet<StripeEvent> StripeEvents => Set<StripeEvent>();

    public DbSet<SandboxSession> SandboxSessions => Set<SandboxSession>();

    /// <summary>
    /// Serialises every change to one case's ledger until the transaction ends: two staff recording at once, or an
    /// acceptance arriving meanwhile, never both pass the check of what remains.
    /// </summary>
    public Task LockCaseAsync(Guid caseId, CancellationToken cancellationToken) =>
        Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock(hashtextextended({caseId.ToString()}, 0))", cancellationToken);

    /// <summary>
    /// The next number of an organisation's series for a year, taken in the caller's transaction: the series row stays
    /// locked until it ends (concurrent issuers wait their turn), and a rollback gives the number back.
    /// </summary>
    public async Task<int> NextNumberAsync(Guid organisationId, string series, int year, CancellationToken cancellationToken) =>
        (await Database.SqlQuery<int>(
            $"""
            INSERT INTO document_series (organisation_id, series, year, last_number) VALUES ({organisationId}, {series}, {year}, 1)
            ON CONFLICT (organisation_id, series, year) DO UPDATE SET last_number = document_series.last_number + 1
            RETURNING last_number AS "Value"
            """).ToListAsync(cancellationToken)).Single();

    protected override void ConfigureModel(ModelBuilder modelBuilder)
    {
        modelBuilder.AddIdempotencyKeys();
        modelBuilder.AddScheduledOnce();
        modelBuilder.Entity<OrganisationSettings>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => o.OrganisationId);
            organisation.Property(o => o.OrganisationId).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Address).HasMaxLength(500);
            organisation.Property(o => o.Siret).HasMaxLength(14);
            organisation.Property(o => o.VatNumber).HasMaxLength(20);
            organisation.Property(o => o.LegalForm).HasMaxLength(120);
            organisation.Property(o => o.TradeRegister).HasMaxLength(120);
            organisation.Property(o => o.TravelOperatorRegistration).HasMaxLength(30);
            organisation.Property(o => o.ContactEmail).HasMaxLength(254);
            organisation.Property(o => o.ContactPhone).HasMaxLength(40);
            organisation.Property(o => o.LatePaymentTerms).HasMaxLength(1000);
            organisation.Property(o => o.CancellationTerms).HasColumnType("jsonb")
                .HasConversion(Json<List<CancellationTier>>.Converter, Json<List<CancellationTier>>.Comparer);
            organisation.Property(o => o.Schedule).HasColumnType("jsonb")
                .HasConversion(Json<ScheduleSettings>.Converter, Json<ScheduleSettings>.Comparer).HasDefaultValueSql("'{}'::jsonb");
            organisation.Property(o => o.Accounting).HasColumnType("jsonb")
                .HasConversion(Json<AccountingSettings>.Converter, Json<AccountingSettings>.Comparer).HasDefaultValueSql("'{}'::jsonb");
        });

        modelBuilder.Entity<PaymentCase>(account =>
        {
            account.ToTable("cases");
            account.HasKey(c => c.Id);
            account.Property(c => c.Id).ValueGeneratedNever();
            account.Property(c => c.QuoteNumber).HasMaxLength(40);
            account.Ignore(c => c.AcceptedQuoteVoided);
            account.Ignore(c => c.IsCancelled);
            account.Property(c => c.CancelledBy).HasMaxLength(20);
            account.Property(c => c.CancellationReason).HasMaxLength(1000);
            account.Property(c => c.AcceptedContent).HasColumnType("jsonb").HasConversion(Json<AcceptedQuoteContent?>.Converter, Json<AcceptedQuoteContent?>.Comparer);
        });

        modelBuilder.Entity<Domain.Payment>(payment =>
        {
            payment.ToTable("payments");
            payment.HasKey(p => p.Id);
            payment.Property(p => p.Id).ValueGeneratedNever();
            payment.Property(p => p.Kind).HasConversion<string>().HasMaxLength(20);
            payment.Property(p => p.Method).HasConversion<string>().HasMaxLength(30);
            payment.Property(p => p.Reference).HasMaxLength(100);
            payment.Property(p => p.RecordedBy).HasMaxLength(200);
            payment.Property(p => p.ProviderReference).HasMaxLength(255);
            payment.HasIndex(p => p.RequestId);
            payment.HasIndex(p => p.ProviderReference).IsUnique();
        });

        modelBuilder.Entity<PaymentRequest>(request =>
        {
            request.ToTable("payment_requests");
            request.HasKey(r => r.Id);
            request.Property(r => r.Id).ValueGeneratedNever();
            request.Property(r => r.Kind).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.Status).HasConversion<string>().HasMaxLength(20);
            request.Property(r => r.CreatedBy).HasMaxLength(200);
            request.Property(r => r.Provider).HasMaxLength(20);
            request.Property(r => r.CheckoutSessionId).HasMaxLength(255);
            request.Property(r => r.CheckoutUrl).HasMaxLength(2000);
            request.Property(r => r.LastFailure).HasMaxLength(500);
            request.Property(r => r.CancelReason).HasMaxLength(500);
            request.Ignore(r => r.CheckoutIdempotencyKey);
            request.HasIndex(r => r.RequestId);
            request.HasIndex(r => r.CheckoutSessionId).IsUnique();
            request.HasIndex(r => r.PaymentId).IsUnique();
            request.HasIndex(r => r.SessionToCloseAt).HasFilter("\"SessionToCloseAt\" IS NOT NULL");
        });

        modelBuilder.Entity<Refund>(refund =>
        {
            refund.ToTable("refunds");
            refund.HasKey(r => r.Id);
            refund.Property(r => r.Id).ValueGeneratedNever();
            refund.Property(r => r.ProviderRefundId).HasMaxLength(255);
            refund.Property(r => r.Method).HasConversion<string>().HasMaxLength(30);
            refund.Property(r => r.Reference).HasMaxLength(100);
            refund.Property(r => r.RecordedBy).HasMaxLength(200);
            refund.Property(r => r.Purpose).HasConversion<string>().HasMaxLength(20);
            refund.Property(r => r.Reason).HasMaxLength(1000);
            refund.HasIndex(r => r.ProviderRefundId).IsUnique();
            refund.HasIndex(r => r.RequestId);
        });

        modelBuilder.Entity<RefundOrder>(order =>
        {
            order.ToTable("refund_orders");
            order.HasKey(o => o.Id);
            order.Property(o => o.Id).ValueGeneratedNever();
            order.Property(o => o.PaymentIntent).HasMaxLength(255);
            order.Property(o => o.Provider).HasMaxLength(30);
            order.Property(o => o.Purpose).HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.Status).HasConversion<string>().HasMaxLength(20);
            order.Property(o => o.Reason).HasMaxLength(1000);
            order.Property(o => o.OrderedBy).HasMaxLength(200);
            order.Property(o => o.ProviderRefundId).HasMaxLength(255);
            order.Property(o => o.Failure).HasMaxLength(500);
            order.Ignore(o => o.IdempotencyKey);
            order.Ignore(o => o.IsOutstanding);
            order.HasIndex(o => o.RequestId);
            order.HasIndex(o => o.SendAt).HasFilter("\"SendAt\" IS NOT NULL");
        });

        modelBuilder.Entity<Invoice>(invoice =>
        {
            invoice.ToTable("invoices");
            invoice.HasKey(i => i.Id);
            invoice.Property(i => i.Id).ValueGeneratedNever();
            invoice.Property(i => i.Kind).HasConversion<string>().HasMaxLength(20);
            invoice.Property(i => i.Series).HasMaxLength(4);
            invoice.Property(i => i.Number).HasMaxLength(20);
            invoice.Property(i => i.Content).HasColumnType("jsonb").HasConversion(Json<InvoiceContent>.Converter, Json<InvoiceContent>.Comparer);
            invoice.Ignore(i => i.IsNumbered);
            invoice.HasIndex(i => i.RequestId);
            invoice.HasIndex(i => new { i.OrganisationId, i.Series, i.Year, i.Sequence }).IsUnique();
        });

        modelBuilder.Entity<DocumentSeries>(series =>
        {
            series.ToTable("document_series");
            series.HasKey(s => new { s.OrganisationId, s.Series, s.Year });
            series.Property(s => s.OrganisationId).HasColumnName("organisation_id");
            series.Property(s => s.Series).HasColumnName("series").HasMaxLength(4);
            series.Property(s => s.Year).HasColumnName("year");
            series.Property(s => s.LastNumber).HasColumnName("last_number");
        });

        modelBuilder.Entity<StripeEvent>(stripe =>
        {
            stripe.ToTable(StripeEventsTable);
            stripe.HasKey(e => e.Id);
            stripe.Property(e => e.Id).HasColumnName("id").HasMaxLength(255);
            stripe.Property(e => e.Type).HasColumnName("type").HasMaxLength(200);
            stripe.Property(e => e.Payload).HasColumnName("payload");
            stripe.Property(e => e.ReceivedAt).HasColumnName("received_at");
            stripe.Property(e => e.NextAttemptAt).HasColumnName("next_attempt_at");
            stripe.Property(e => e.Attempts).HasColumnName("attempts");
            stripe.Property(e => e.ProcessedAt).HasColumnName("processed_at");
            stripe.Property(e => e.Outcome).HasColumnName("outcome").HasConversion<string>().HasMaxLength(20);
            stripe.Property(e => e.Note).HasColumnName("note").HasMaxLength(StripeEvent.NoteMaxLength);
            stripe.Property(e => e.RefundDueReference).HasColumnName("refund_due_reference").HasMaxLength(255);
            stripe.Property(e => e.OwnerOrganisationId).HasColumnName("organisation_id");
            stripe.Property(e => e.CaseId).HasColumnName("case_id");
            stripe.HasIndex(e => new { e.NextAttemptAt, e.ReceivedAt }).HasDatabaseName("ix_stripe_events_pending").HasFilter("processed_at IS NULL");
            stripe.HasIndex(e => new { e.CaseId, e.Outcome }).HasDatabaseName("ix_stripe_events_case");
            stripe.HasIndex(e => e.ProcessedAt).HasDatabaseName("ix_stripe_events_processed_at").HasFilter("processed_at IS NOT NULL");
            stripe.HasIndex(e => e.RefundDueReference).HasDatabaseName("ix_stripe_events_refund_due").HasFilter("refund_due_reference IS NOT NULL");
        });

        modelBuilder.Entity<SandboxSession>(session =>
        {
            session.ToTable("sandbox_sessions");
            session.HasKey(s => s.Id);
            session.Property(s => s.Id).HasMaxLength(100);
            session.Property(s => s.IdempotencyKey).HasMaxLength(100);
            session.Property(s => s.Description).HasMaxLength(200);
            session.Property(s => s.MerchantName).HasMaxLength(200);
            session.Property(s => s.SuccessUrl).HasMaxLength(2000);
            session.Property(s => s.CancelUrl).HasMaxLength(2000);
            session.Property(s => s.Status).HasConversion<string>().HasMaxLength(20);
            session.Property(s => s.EventId).HasMaxLength(100);
            session.Property(s => s.PaymentIntentId).HasMaxLength(100);
            session.HasIndex(s => s.IdempotencyKey).IsUnique();
            session.HasIndex(s => s.PaymentRequestId);
        });
    }
}

internal sealed class PaymentDbContextFactory : DesignTimeDbContextFactory<PaymentDbContext>;
