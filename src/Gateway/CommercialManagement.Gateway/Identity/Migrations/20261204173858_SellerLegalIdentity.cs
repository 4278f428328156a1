using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Gateway.Identity.Migrations
{
    /// <inheritdoc />
    public partial class SellerLegalIdentity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "FinalInvoiceWhen",
                table: "organisations",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Paid");

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
                name: "TradeRegister",
                table: "organisations",
                type: "character varying(120)",
                maxLength: 120,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "FinalInvoiceWhen",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "LatePaymentTerms",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "LegalForm",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "TradeRegister",
                table: "organisations");
        }
    }
}
