using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Gateway.Identity.Migrations
{
    /// <inheritdoc />
    public partial class AlertCaseVersion : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<uint>(
                name: "xmin",
                table: "alert_cases",
                type: "xid",
                rowVersion: true,
                nullable: false,
                defaultValue: 0u);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "xmin",
                table: "alert_cases");
        }
    }
}
