using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class AcknowledgementCaps : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "IX_emails_Kind_To_QueuedAt",
                table: "emails",
                columns: new[] { "Kind", "To", "QueuedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_emails_OrganisationId_Kind_QueuedAt",
                table: "emails",
                columns: new[] { "OrganisationId", "Kind", "QueuedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_emails_Kind_To_QueuedAt",
                table: "emails");

            migrationBuilder.DropIndex(
                name: "IX_emails_OrganisationId_Kind_QueuedAt",
                table: "emails");
        }
    }
}
