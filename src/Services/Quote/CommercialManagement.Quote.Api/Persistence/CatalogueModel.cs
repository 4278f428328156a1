using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.ChangeTracking;

namespace CommercialManagement.Quote.Api.Persistence;

/// <summary>A product's places on one date: units per night, places or instructors per session, places per activity date.</summary>
internal sealed class Availability
{
    public Guid ProductId { get; set; }

    public DateOnly Date { get; set; }

    public int Capacity { get; set; }

    /// <summary>Held by quote lines; never above the capacity (a conditional UPDATE takes each hold).</summary>
    public int Held { get; set; }
}

internal static class CatalogueModel
{
    public static void Configure(ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<Product>(product =>
        {
            product.ToTable("products");
            product.HasKey(p => p.Id);
            product.Property(p => p.Id).ValueGeneratedNever();
            product.Property(p => p.Type).HasConversion<string>().HasMaxLength(20);
            product.Property(p => p.LessonKind).HasConversion<string>().HasMaxLength(20);
            product.Property(p => p.Name).HasMaxLength(ProductRules.MaxNameLength);
            product.Property(p => p.Description).HasMaxLength(ProductRules.MaxDescriptionLength);
            product.Property(p => p.Seasons).HasColumnType("jsonb").HasConversion(Json<IReadOnlyList<SeasonPrice>>.Converter, Json<IReadOnlyList<SeasonPrice>>.Comparer);
            product.HasIndex(p => new { p.OrganisationId, p.Type });
            product.HasIndex(p => new { p.SoldOnMarketplace, p.Type }).HasFilter("\"SoldOnMarketplace\" AND NOT \"Retired\"");
        });

        modelBuilder.Entity<Availability>(availability =>
        {
            availability.ToTable("availability", table => table.HasCheckConstraint("ck_availability_held", "\"Held\" >= 0 AND \"Held\" <= \"Capacity\""));
            availability.HasKey(a => new { a.ProductId, a.Date });
            availability.HasOne<Product>().WithMany().HasForeignKey(a => a.ProductId).OnDelete(DeleteBehavior.Cascade);
        });
    }
}
