using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class MailboxLogRetentionIndex : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateIndex(
                name: "ix_inbound_emails_unlinked_received_at",
                table: "inbound_emails",
                column: "ReceivedAt",
                filter: "\"RequestId\" IS NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_inbound_emails_unlinked_received_at",
                table: "inbound_emails");
        }
    }
}
