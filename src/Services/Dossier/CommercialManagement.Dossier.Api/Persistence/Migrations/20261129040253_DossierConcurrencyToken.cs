using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DossierConcurrencyToken : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // xmin is PostgreSQL's own system column: the concurrency token needs no DDL.
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Nothing to undo: xmin is a system column.
        }
    }
}
