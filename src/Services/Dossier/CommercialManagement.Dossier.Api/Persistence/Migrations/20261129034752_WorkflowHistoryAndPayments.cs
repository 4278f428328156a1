using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class WorkflowHistoryAndPayments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AcceptedQuoteId",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "AcceptedTotalCents",
                table: "dossiers",
                type: "bigint",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "HasUnreadMessages",
                table: "dossiers",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<long>(
                name: "PaidCents",
                table: "dossiers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "QuoteChangedAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<Guid>(
                name: "QuoteId",
                table: "dossiers",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "QuoteLineCount",
                table: "dossiers",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            migrationBuilder.AddColumn<string>(
                name: "QuoteNumber",
                table: "dossiers",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<long>(
                name: "QuoteTotalCents",
                table: "dossiers",
                type: "bigint",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReadStateAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "StatusBeforeArchive",
                table: "dossiers",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "StatusChangedAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            // Cases stored before the workflow: their column dates from their opening.
            migrationBuilder.Sql("""UPDATE dossiers SET "StatusChangedAt" = "CreatedAt", "ReadStateAt" = "CreatedAt", "HasUnreadMessages" = ("Channel" = 'WebForm');""");

            migrationBuilder.CreateTable(
                name: "dossier_history",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Actor = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    What = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    From = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true),
                    To = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_history", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_history_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "dossier_payments",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    DossierId = table.Column<Guid>(type: "uuid", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    At = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_dossier_payments", x => x.Id);
                    table.ForeignKey(
                        name: "FK_dossier_payments_dossiers_DossierId",
                        column: x => x.DossierId,
                        principalTable: "dossiers",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_history_DossierId_At",
                table: "dossier_history",
                columns: new[] { "DossierId", "At" });

            migrationBuilder.CreateIndex(
                name: "IX_dossier_payments_DossierId",
                table: "dossier_payments",
                column: "DossierId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "dossier_history");

            migrationBuilder.DropTable(
                name: "dossier_payments");

            migrationBuilder.DropColumn(
                name: "AcceptedQuoteId",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "AcceptedTotalCents",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "HasUnreadMessages",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "PaidCents",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "QuoteChangedAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "QuoteId",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "QuoteLineCount",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "QuoteNumber",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "QuoteTotalCents",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "ReadStateAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "StatusBeforeArchive",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "StatusChangedAt",
                table: "dossiers");
        }
    }
}
