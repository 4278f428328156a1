using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Pilotage : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "DepositPaidAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAcceptedAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstAnsweredAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "FirstQuoteSentAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PaidInFullAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "dossier_invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    CorrectsNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_invoices", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_invoices_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "sale_entries",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    ProductType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProductName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_sale_entries", x => x.Id);
                    table.ForeignKey(
                        name: "FK_sale_entries_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_CreatedAt",
                table: "dossiers",
                columns: new[] { "OrganisationId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_payments_OrganisationId_At",
                table: "dossier_payments",
                columns: new[] { "OrganisationId", "At" })
                .Annotation("Npgsql:IndexInclude", new[] { "AmountCents" });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_invoices_DossierId",
                table: "dossier_invoices",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_dossier_invoices_OrganisationId_IssuedAt",
                table: "dossier_invoices",
                columns: new[] { "OrganisationId", "IssuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_sale_entries_DossierId",
                table: "sale_entries",
                column: "DossierId");

            migrationBuilder.CreateIndex(
                name: "IX_sale_entries_OrganisationId_At",
                table: "sale_entries",
                columns: new[] { "OrganisationId", "At" });

            // Cases from before « Pilotage »: their steps as the dossier and its history know them, and what they accepted
            // as one row at the acceptance (their lines never reached this service). Invoices are counted from now on.
            migrationBuilder.Sql("""
                UPDATE dossiers d SET
                    "FirstQuoteSentAt" = (SELECT min(h."At") FROM dossier_history h WHERE h."DossierId" = d."Id" AND h."What" LIKE 'Devis % envoyé au client%'),
                    "FirstAcceptedAt" = d."AcceptedAt";
                UPDATE dossiers d SET "FirstAnsweredAt" = LEAST(d."FirstQuoteSentAt",
                    (SELECT min(h."At") FROM dossier_history h WHERE h."DossierId" = d."Id" AND h."What" = 'Message envoyé au client'));
                UPDATE dossiers d SET "DepositPaidAt" = GREATEST(d."AcceptedAt", (SELECT min(p."At") FROM dossier_payments p WHERE p."DossierId" = d."Id" AND p."AmountCents" > 0))
                WHERE d."AcceptedTotalCents" IS NOT NULL AND d."PaidCents" > 0;
                UPDATE dossiers d SET "PaidInFullAt" = GREATEST(d."DepositPaidAt", d."StatusChangedAt")
                WHERE d."AcceptedTotalCents" IS NOT NULL AND d."PaidCents" >= d."AcceptedTotalCents" AND d."Status" IN ('PaidInFull', 'Processed');
                UPDATE dossiers d SET "PaidInFullAt" = d."DepositPaidAt"
                WHERE d."PaidInFullAt" IS NULL AND d."AcceptedTotalCents" IS NOT NULL AND d."PaidCents" >= d."AcceptedTotalCents";
                INSERT INTO sale_entries ("Id", "OrganisationId", "DossierId", "At", "AmountCents", "ProductType", "ProductId", "ProductName")
                SELECT gen_random_uuid(), d."OrganisationId", d."Id", d."AcceptedAt", d."AcceptedTotalCents", 'Other', NULL, ''
                FROM dossiers d
                WHERE d."AcceptedTotalCents" IS NOT NULL AND d."AcceptedAt" IS NOT NULL AND d."Outcome" <> 'Cancelled';
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_invoices");

            migrationBuilder.DropTable(
                name: "sale_entries");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_CreatedAt",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossier_payments_OrganisationId_At",
                table: "dossier_payments");

            migrationBuilder.DropColumn(
                name: "DepositPaidAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "FirstAcceptedAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "FirstAnsweredAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "FirstQuoteSentAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "PaidInFullAt",
                table: "dossiers");
        }
    }
}
