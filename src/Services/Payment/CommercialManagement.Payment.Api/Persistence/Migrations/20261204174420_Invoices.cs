using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Payment.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Invoices : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Address",
                table: "organisations",
                type: "character varying(500)",
                maxLength: 500,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "ContactEmail",
                table: "organisations",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "ContactPhone",
                table: "organisations",
                type: "character varying(40)",
                maxLength: 40,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "FinalInvoiceWhenProcessed",
                table: "organisations",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.AddColumn<string>(
                name: "LatePaymentTerms",
                table: "organisations",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "LegalForm",
                table: "organisations",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Siret",
                table: "organisations",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TradeRegister",
                table: "organisations",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "TravelOperatorRegistration",
                table: "organisations",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "VatNumber",
                table: "organisations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AcceptedContent",
                table: "cases",
                type: "jsonb",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "document_series",
                columns: table => new
                {
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    series = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    year = table.Column<int>(type: "integer", nullable: false),
                    last_number = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_document_series", x => new { x.organisation_id, x.series, x.year });
                });

            migrationBuilder.CreateTable(
                name: "invoices",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    QuoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Series = table.Column<string>(type: "character varying(4)", maxLength: 4, nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Sequence = table.Column<int>(type: "integer", nullable: false),
                    Number = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    IssuedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IssueDate = table.Column<DateOnly>(type: "date", nullable: false),
                    AmountCents = table.Column<long>(type: "bigint", nullable: false),
                    PaymentId = table.Column<Guid>(type: "uuid", nullable: true),
                    CorrectsInvoiceId = table.Column<Guid>(type: "uuid", nullable: true),
                    Content = table.Column<string>(type: "jsonb", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_invoices", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_invoices_OrganisationId_Series_Year_Sequence",
                table: "invoices",
                columns: new[] { "OrganisationId", "Series", "Year", "Sequence" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_invoices_RequestId",
                table: "invoices",
                column: "RequestId");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "document_series");

            migrationBuilder.DropTable(
                name: "invoices");

            migrationBuilder.DropColumn(
                name: "Address",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "ContactEmail",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "ContactPhone",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "FinalInvoiceWhenProcessed",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "LatePaymentTerms",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "LegalForm",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "Siret",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "TradeRegister",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "TravelOperatorRegistration",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "VatNumber",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "AcceptedContent",
                table: "cases");
        }
    }
}
