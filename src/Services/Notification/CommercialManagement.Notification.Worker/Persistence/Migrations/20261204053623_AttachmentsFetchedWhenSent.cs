using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AttachmentsFetchedWhenSent : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<bool>(
                name: "Pending",
                table: "email_attachments",
                type: "boolean",
                nullable: false,
                defaultValue: false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Pending",
                table: "email_attachments");
        }
    }
}
