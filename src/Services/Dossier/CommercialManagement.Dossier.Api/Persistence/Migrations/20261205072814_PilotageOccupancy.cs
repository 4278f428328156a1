using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PilotageOccupancy : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "From",
                table: "sale_entries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<DateOnly>(
                name: "To",
                table: "sale_entries",
                type: "date",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Units",
                table: "sale_entries",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.CreateTable(
                name: "catalogue_products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Type = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_catalogue_products", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_sale_entries_OrganisationId_ProductType_From",
                table: "sale_entries",
                columns: new[] { "OrganisationId", "ProductType", "From" })
                .Annotation("Npgsql:IndexInclude", new[] { "To", "Units", "ProductId" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "catalogue_products");

            migrationBuilder.DropIndex(
                name: "IX_sale_entries_OrganisationId_ProductType_From",
                table: "sale_entries");

            migrationBuilder.DropColumn(
                name: "From",
                table: "sale_entries");

            migrationBuilder.DropColumn(
                name: "To",
                table: "sale_entries");

            migrationBuilder.DropColumn(
                name: "Units",
                table: "sale_entries");
        }
    }
}
