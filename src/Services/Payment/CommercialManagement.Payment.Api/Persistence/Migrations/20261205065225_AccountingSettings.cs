using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Payment.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AccountingSettings : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Accounting",
                table: "organisations",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Accounting",
                table: "organisations");
        }
    }
}
