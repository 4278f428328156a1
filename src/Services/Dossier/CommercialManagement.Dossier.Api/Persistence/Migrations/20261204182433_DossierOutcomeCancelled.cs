using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class DossierOutcomeCancelled : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "dossiers",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationRequestedBy",
                table: "dossiers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "dossiers",
                type: "timestamp with time zone",
                nullable: true);

            // The dossiers there already have no outcome: "None", as the enum reads it (an empty string would not read back).
            migrationBuilder.AddColumn<string>(
                name: "Outcome",
                table: "dossiers",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "None");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "CancellationRequestedBy",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "dossiers");

            migrationBuilder.DropColumn(
                name: "Outcome",
                table: "dossiers");
        }
    }
}
