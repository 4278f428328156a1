using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Gateway.Identity.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationAccounting : Migration
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
