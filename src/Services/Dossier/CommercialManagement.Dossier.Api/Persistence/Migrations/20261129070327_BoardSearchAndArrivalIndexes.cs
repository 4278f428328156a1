using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BoardSearchAndArrivalIndexes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_Arrival",
                table: "dossiers",
                columns: new[] { "OrganisationId", "Arrival" });

            // The board's search finds a substring of the name, e-mail, phone or reference (ILIKE '%...%'): without a
            // trigram index each of the eight queries of a search (a count and seven columns) read every card of the
            // organisation, four ILIKEs each, about a second at 100,000 dossiers. No pending list (fastupdate off), for
            // the same reason as the requests' search index: with it the planner avoided the index until the first VACUUM.
            migrationBuilder.Sql("CREATE EXTENSION IF NOT EXISTS pg_trgm;");
            migrationBuilder.Sql("""
                CREATE INDEX ix_dossiers_search ON dossiers USING gin
                    ("CustomerName" gin_trgm_ops, "CustomerEmail" gin_trgm_ops, "CustomerPhone" gin_trgm_ops, "Reference" gin_trgm_ops)
                    WITH (fastupdate = off);
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP INDEX IF EXISTS ix_dossiers_search;");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_Arrival",
                table: "dossiers");
        }
    }
}
