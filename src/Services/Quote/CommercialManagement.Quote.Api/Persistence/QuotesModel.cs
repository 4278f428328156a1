using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Quote.Api.Domain.Pricing;
using CommercialManagement.Quote.Api.Domain.Quotes;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

internal static class QuotesModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Domain.Quotes.Quote>(quote =>
        {
            quote.ToTable("quotes");
            quote.HasKey(q => q.Id);
            quote.Property(q => q.Id).ValueGeneratedNever();
            quote.Property(q => q.Number).HasMaxLength(40);
            quote.Property(q => q.State).HasConversion<string>().HasMaxLength(20);
            quote.Property(q => q.AcceptedBy).HasConversion<string>().HasMaxLength(20);
            quote.Property(q => q.AcceptedFrom).HasMaxLength(200);
            quote.Property(q => q.AcceptanceNote).HasMaxLength(1000);
            quote.Property(q => q.ClosingReason).HasMaxLength(1000);
            quote.Property(q => q.Stay).HasColumnType("jsonb").HasConversion(Json<QuotedStay>.Converter, Json<QuotedStay>.Comparer);
            quote.ComplexProperty(q => q.Customer, customer =>
            {
                customer.Property(c => c.Name).HasColumnName("CustomerName").HasMaxLength(200);
                customer.Property(c => c.Address).HasColumnName("CustomerAddress").HasMaxLength(500);
                customer.Property(c => c.Email).HasColumnName("CustomerEmail").HasMaxLength(254);
                customer.Property(c => c.Phone).HasColumnName("CustomerPhone").HasMaxLength(40);
                customer.Property(c => c.CompanyId).HasColumnName("CustomerCompanyId").HasMaxLength(14);
                customer.Property(c => c.VatNumber).HasColumnName("CustomerVatNumber").HasMaxLength(16);
            });
            quote.Property(q => q.AcceptedLines).HasColumnType("jsonb").HasConversion(Json<List<KeptLine>?>.Converter, Json<List<KeptLine>?>.Comparer);
            quote.Ignore(q => q.Totals);
            quote.Ignore(q => q.IsAmendment);
            quote.Ignore(q => q.AcceptedTotals);
            quote.Ignore(q => q.InProgress);
            quote.Ignore(q => q.CancelledWithCase);
            quote.HasMany(q => q.Lines).WithOne().HasForeignKey(l => l.QuoteId).OnDelete(DeleteBehavior.Cascade);
            quote.Navigation(q => q.Lines).HasField("_lines").UsePropertyAccessMode(PropertyAccessMode.Field);
            quote.HasMany(q => q.Versions).WithOne().HasForeignKey(v => v.QuoteId).OnDelete(DeleteBehavior.Cascade);
            quote.Navigation(q => q.Versions).HasField("_versions").UsePropertyAccessMode(PropertyAccessMode.Field);
            quote.HasIndex(q => new { q.OrganisationId, q.Number }).IsUnique();
            quote.HasIndex(q => new { q.RequestId, q.CreatedAt });
            // What the nightly jobs look for: sent quotes by validity date, drafts by last change.
            quote.HasIndex(q => new { q.State, q.ValidUntil });
            // At most one quote in progress per case: the advisory lock serialises the writers, this index proves it.
            quote.HasIndex(q => q.RequestId).IsUnique().HasFilter("\"State\" IN ('Draft', 'Sent')").HasDatabaseName("ux_quotes_in_progress");
        });

        modelBuilder.Entity<QuoteLine>(line =>
        {
            line.ToTable("quote_lines");
            line.HasKey(l => l.Id);
            line.Property(l => l.Id).ValueGeneratedNever();
            line.Property(l => l.Kind).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.ProductType).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.AgeBand).HasConversion<string>().HasMaxLength(20);
            line.Property(l => l.Label).HasMaxLength(300);
            line.Property(l => l.Description).HasMaxLength(2000);
            line.Property(l => l.Problem).HasMaxLength(500);
            line.Property(l => l.Breakdown).HasColumnType("jsonb").HasConversion(Json<List<PriceComponent>>.Converter, Json<List<PriceComponent>>.Comparer);
            line.Ignore(l => l.AmountCents);
            line.Ignore(l => l.TouristTaxCents);
            line.Ignore(l => l.Counted);
            line.HasIndex(l => l.ProductId);
        });

        modelBuilder.Entity<QuoteVersion>(version =>
        {
            version.ToTable("quote_versions");
            version.HasKey(v => v.Id);
            version.Property(v => v.Id).ValueGeneratedNever();
            version.Property(v => v.Content).HasColumnType("jsonb");
            version.HasIndex(v => new { v.QuoteId, v.Version }).IsUnique();
        });

        modelBuilder.Entity<QuoteCounter>(counter =>
        {
            counter.ToTable("quote_counters");
            counter.HasKey(c => new { c.OrganisationId, c.Year });
        });
    }
}
