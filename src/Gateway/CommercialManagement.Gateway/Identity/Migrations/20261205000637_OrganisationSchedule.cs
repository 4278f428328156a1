using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Gateway.Identity.Migrations
{
    /// <inheritdoc />
    public partial class OrganisationSchedule : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "Schedule",
                table: "organisations",
                type: "jsonb",
                nullable: false,
                defaultValueSql: "'{}'::jsonb");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Schedule",
                table: "organisations");
        }
    }
}
