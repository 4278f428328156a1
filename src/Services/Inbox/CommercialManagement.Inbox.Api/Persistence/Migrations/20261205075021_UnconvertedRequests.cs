using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnconvertedRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "BecameDossier",
                table: "requests",
                type: "boolean",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_unconverted",
                table: "requests",
                column: "LastActivityAt",
                filter: "\"BecameDossier\" = false");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_unconverted",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "BecameDossier",
                table: "requests");
        }
    }
}
