using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Quote.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuoteSchedules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CustomerViewedAt",
                table: "quotes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "PlacesReleasedAt",
                table: "quotes",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Schedule",
                table: "organisations",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");

            migrationBuilder.CreateTable(
                name: "scheduled_once",
                columns: table => new
                {
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_once", x => new { x.subject_id, x.kind, x.due_on });
                });

            migrationBuilder.CreateIndex(
                name: "IX_quotes_State_ValidUntil",
                table: "quotes",
                columns: new[] { "State", "ValidUntil" });

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_once_done_at",
                table: "scheduled_once",
                column: "done_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "scheduled_once");

            migrationBuilder.DropIndex(
                name: "IX_quotes_State_ValidUntil",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "CustomerViewedAt",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "PlacesReleasedAt",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "Schedule",
                table: "organisations");
        }
    }
}
