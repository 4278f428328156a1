using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PilotageTotals : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_CreatedAt",
                table: "dossiers");

            migrationBuilder.CreateTable(
                name: "report_totals",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Day = table.Column<DateOnly>(type: "date", nullable: false),
                    AssigneeId = table.Column<Guid>(type: "uuid", nullable: true),
                    AssigneeName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Measure = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Key = table.Column<string>(type: "character varying(250)", maxLength: 250, nullable: false),
                    ProductType = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Label = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    Cents = table.Column<long>(type: "bigint", nullable: false),
                    Count = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_report_totals", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_Balances",
                table: "dossiers",
                column: "OrganisationId",
                filter: "\"AcceptedTotalCents\" IS NOT NULL AND \"AcceptedTotalCents\" <> \"PaidCents\" AND \"Outcome\" <> 'Cancelled'")
                .Annotation("Npgsql:IndexInclude", new[] { "AssigneeId", "AcceptedTotalCents", "PaidCents", "BalanceOverdueOn" });

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_CreatedAt",
                table: "dossiers",
                columns: new[] { "OrganisationId", "CreatedAt" })
                .Annotation("Npgsql:IndexInclude", new[] { "AssigneeId", "FirstAnsweredAt", "FirstQuoteSentAt", "FirstAcceptedAt", "DepositPaidAt", "PaidInFullAt" });

            migrationBuilder.CreateIndex(
                name: "IX_report_totals_OrganisationId_Day",
                table: "report_totals",
                columns: new[] { "OrganisationId", "Day" })
                .Annotation("Npgsql:IndexInclude", new[] { "AssigneeId", "Measure", "Key", "ProductType", "Cents", "Count" });
        
            // The totals of the facts already there (on a new database: none), in the migration's transaction.
            migrationBuilder.Sql(ReportTotals.BackfillSql);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "report_totals");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_Balances",
                table: "dossiers");

            migrationBuilder.DropIndex(
                name: "IX_dossiers_OrganisationId_CreatedAt",
                table: "dossiers");

            migrationBuilder.CreateIndex(
                name: "IX_dossiers_OrganisationId_CreatedAt",
                table: "dossiers",
                columns: new[] { "OrganisationId", "CreatedAt" });
        }
    }
}
