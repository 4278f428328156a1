using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BoardReferenceAndAssignee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_Status_CreatedAt",
                table: "dossiers");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AssignedAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "dossiers",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "dossiers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "");

            migrationBuilder.CreateTable(
                name: "reference_counters",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_reference_counters", x => x.OrganisationId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_Reference",
                table: "dossiers",
                columns: new[] { "OrganisationId", "Reference" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_Status_StatusChangedAt",
                table: "dossiers",
                columns: new[] { "OrganisationId", "Status", "StatusChangedAt" });

            // Cases stored before references: numbered in the order they were opened, per organisation.
            migrationBuilder.Sql("""
                UPDATE dossiers d SET "Reference" = 'D-' || lpad(x.n::text, 5, '0')
                FROM (SELECT "Id", row_number() OVER (PARTITION BY "OrganisationId" ORDER BY "CreatedAt", "Id") AS n FROM dossiers) x
                WHERE d."Id" = x."Id";
                INSERT INTO reference_counters ("OrganisationId", "Last")
                SELECT "OrganisationId", count(*) FROM dossiers GROUP BY "OrganisationId";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "reference_counters");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_Reference",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_Status_StatusChangedAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "AssignedAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_Status_CreatedAt",
                table: "dossiers",
                columns: new[] { "OrganisationId", "Status", "CreatedAt" });
        }
    }
}
