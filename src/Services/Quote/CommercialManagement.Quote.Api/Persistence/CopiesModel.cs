using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Quote.Api.Domain.Copies;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Persistence;

internal static class CopiesModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<OrganisationCopy>(organisation =>
        {
            organisation.ToTable("organisations");
            organisation.HasKey(o => o.OrganisationId);
            organisation.Property(o => o.OrganisationId).ValueGeneratedNever();
            organisation.Property(o => o.Name).HasMaxLength(200);
            organisation.Property(o => o.Kind).HasMaxLength(40);
            organisation.Property(o => o.Address).HasMaxLength(500);
            organisation.Property(o => o.Siret).HasMaxLength(40);
            organisation.Property(o => o.VatNumber).HasMaxLength(40);
            organisation.Property(o => o.TravelOperatorRegistration).HasMaxLength(60);
            organisation.Property(o => o.ContactEmail).HasMaxLength(254);
            organisation.Property(o => o.ContactPhone).HasMaxLength(40);
            organisation.Property(o => o.QuoteNumberPrefix).HasMaxLength(20);
            organisation.Property(o => o.CancellationTerms).HasColumnType("jsonb")
                .HasConversion(Json<IReadOnlyList<CancellationTier>?>.Converter, Json<IReadOnlyList<CancellationTier>?>.Comparer);
            organisation.Property(o => o.Schedule).HasColumnType("jsonb")
                .HasConversion(Json<ScheduleSettings>.Converter, Json<ScheduleSettings>.Comparer).HasDefaultValueSql("'{}'::jsonb");
        });

        modelBuilder.Entity<CaseCopy>(copy =>
        {
            copy.ToTable("cases");
            copy.HasKey(c => c.Id);
            copy.Property(c => c.Id).ValueGeneratedNever();
            copy.Property(c => c.CustomerName).HasMaxLength(200);
            copy.Property(c => c.CustomerEmail).HasMaxLength(254);
            copy.Property(c => c.CustomerPhone).HasMaxLength(40);
            copy.Property(c => c.Language).HasMaxLength(10);
            copy.Ignore(c => c.HasDates);
        });
    }
}
