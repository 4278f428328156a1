using Microsoft.AspNetCore.DataProtection.EntityFrameworkCore;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Contracts.Identity;
using Microsoft.AspNetCore.Identity;
using Microsoft.AspNetCore.Identity.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Identity;

/// <summary>
/// The gateway's database: organisations, staff and roles, and the staff's alerts. Sign-in looks a user up across
/// organisations by email, so these tables carry no tenant filter; the administration pages and the alerts scope every
/// query to the signed-in person's organisation.
/// </summary>
internal sealed class GatewayDbContext(DbContextOptions<GatewayDbContext> options)
    : IdentityDbContext<StaffUser, IdentityRole<Guid>, Guid>(options), IDataProtectionKeyContext
{
    public DbSet<Organisation> Organisations => Set<Organisation>();

    /// <summary>The Data Protection key ring, shared by every gateway instance (cookies, antiforgery, sealed texts).</summary>
    public DbSet<DataProtectionKey> DataProtectionKeys => Set<DataProtectionKey>();

    protected override void OnModelCreating(ModelBuilder builder)
    {
        base.OnModelCreating(builder);
        builder.Entity<DataProtectionKey>().ToTable("data_protection_keys");
        builder.Entity<Organisation>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => o.Id);
            organisation.Property(o => o.Id).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Kind).HasConversion<string>().HasMaxLength(30);
            organisation.Property(o => o.Address).HasMaxLength(500);
            organisation.Property(o => o.Siret).HasMaxLength(14);
            organisation.Property(o => o.VatNumber).HasMaxLength(20);
            organisation.Property(o => o.TravelOperatorRegistration).HasMaxLength(30);
            organisation.Property(o => o.ContactEmail).HasMaxLength(254);
            organisation.Property(o => o.ContactPhone).HasMaxLength(40);
            organisation.Property(o => o.QuoteNumberPrefix).HasMaxLength(10);
            organisation.Property(o => o.TermsOfSale).HasMaxLength(20_000);
            organisation.Property(o => o.EmailSenderName).HasMaxLength(200);
            organisation.Property(o => o.EmailReplyTo).HasMaxLength(254);
            organisation.Property(o => o.LegalForm).HasMaxLength(120);
            organisation.Property(o => o.TradeRegister).HasMaxLength(120);
            organisation.Property(o => o.LatePaymentTerms).HasMaxLength(1000);
            organisation.Property(o => o.FinalInvoiceWhen).HasConversion<string>().HasMaxLength(20);
            organisation.Property(o => o.CancellationTerms).HasColumnType("jsonb")
                .HasConversion(Json<List<CancellationTier>?>.Converter, Json<List<CancellationTier>?>.Comparer);
            organisation.Property(o => o.Schedule).HasColumnType("jsonb")
                .HasConversion(Json<ScheduleSettings>.Converter, Json<ScheduleSettings>.Comparer).HasDefaultValueSql("'{}'::jsonb");
            organisation.Property(o => o.Accounting).HasColumnType("jsonb")
                .HasConversion(Json<AccountingSettings>.Converter, Json<AccountingSettings>.Comparer).HasDefaultValueSql("'{}'::jsonb");
        });
        builder.Entity<StaffUser>(user =>
        {
            user.Property(u => u.DisplayName).HasMaxLength(200);
            user.HasOne<Organisation>().WithMany().HasForeignKey(u => u.OrganisationId).OnDelete(DeleteBehavior.Restrict);
            user.HasIndex(u => u.OrganisationId);
        });
        builder.Entity<Features.Alerts.StaffAlert>(alert =>
        {
            alert.ToTable("staff_alerts");
            alert.HasKey(a => a.Id);
            alert.Property(a => a.Id).ValueGeneratedNever();
            alert.Property(a => a.Kind).HasConversion<string>().HasMaxLength(30);
            alert.Property(a => a.Text).HasMaxLength(Features.Alerts.StaffAlert.MaxTextLength);
            // The bell: one person's (and the organisation's unassigned) alerts, latest first.
            alert.HasIndex(a => new { a.OrganisationId, a.RecipientId, a.OccurredAt });
        });
        builder.Entity<Features.Alerts.AlertCase>(known =>
        {
            known.ToTable("alert_cases");
            known.HasKey(c => new { c.OrganisationId, c.RequestId });
            known.Property(c => c.CustomerName).HasMaxLength(200);
            known.Property(c => c.Version).IsRowVersion();
        });
        builder.Entity<Features.PersonalData.CustomerErasure>(erasure =>
        {
            erasure.ToTable("customer_erasures");
            erasure.HasKey(e => e.Id);
            erasure.Property(e => e.Id).ValueGeneratedNever();
            erasure.Property(e => e.EmailDigest).HasMaxLength(64);
            erasure.Property(e => e.RequestedBy).HasMaxLength(200);
            erasure.Property(e => e.Acknowledgements).HasColumnType("jsonb")
                .HasConversion(Json<List<Features.PersonalData.ErasureAcknowledgement>>.Converter, Json<List<Features.PersonalData.ErasureAcknowledgement>>.Comparer);
            erasure.Property(e => e.Version).IsRowVersion();
            erasure.Ignore(e => e.Completed);
            // The Settings page: the organisation's erasures, latest first, and those of one address.
            erasure.HasIndex(e => new { e.OrganisationId, e.RequestedAt });
            erasure.HasIndex(e => new { e.OrganisationId, e.EmailDigest });
        });
        builder.AddMessagingTables();
    }
}

internal sealed class GatewayDbContextFactory : DesignTimeDbContextFactory<GatewayDbContext>;
