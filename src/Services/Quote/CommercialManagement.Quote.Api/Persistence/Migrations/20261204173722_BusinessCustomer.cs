using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Quote.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BusinessCustomer : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerCompanyId",
                table: "quotes",
                type: "character varying(14)",
                maxLength: 14,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerVatNumber",
                table: "quotes",
                type: "character varying(16)",
                maxLength: 16,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "CustomerCompanyId",
                table: "quotes");

            migrationBuilder.DropColumn(
                name: "CustomerVatNumber",
                table: "quotes");
        }
    }
}
