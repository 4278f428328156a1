using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Quote.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationCancellationTerms : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationTerms",
                table: "organisations",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationTerms",
                table: "organisations");
        }
    }
}
