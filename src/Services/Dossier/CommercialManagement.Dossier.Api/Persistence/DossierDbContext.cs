using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Persistence;

internal sealed class DossierDbContext(DbContextOptions<DossierDbContext> options, TenantContext tenant)
    : TenantDbContext(options, tenant)
{
    public DbSet<Domain.Dossier> Dossiers => Set<Domain.Dossier>();

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
            dossier.HasIndex(d => new { d.OrganisationId, d.Status, d.CreatedAt });
        });
    }
}

internal sealed class DossierDbContextFactory : DesignTimeDbContextFactory<DossierDbContext>;
