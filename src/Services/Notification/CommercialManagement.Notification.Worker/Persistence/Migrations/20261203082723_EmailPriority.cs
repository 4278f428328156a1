using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class EmailPriority : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_emails_Status_NextAttemptAt",
                table: "emails");

            migrationBuilder.AddColumn<int>(
                name: "Priority",
                table: "emails",
                type: "integer",
                nullable: false,
                defaultValue: 0);

            // Acknowledgements still queued are bulk too (see EmailMessage.Priority); the order of the others no longer matters.
            migrationBuilder.Sql("UPDATE emails SET \"Priority\" = 1 WHERE \"Kind\" = 'RequestAcknowledgement' AND \"Status\" = 'Queued'");

            migrationBuilder.CreateIndex(
                name: "IX_emails_Priority_NextAttemptAt_Id",
                table: "emails",
                columns: new[] { "Priority", "NextAttemptAt", "Id" },
                filter: "\"Status\" = 'Queued'");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_emails_Priority_NextAttemptAt_Id",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "Priority",
                table: "emails");

            migrationBuilder.CreateIndex(
                name: "IX_emails_Status_NextAttemptAt",
                table: "emails",
                columns: new[] { "Status", "NextAttemptAt" },
                filter: "\"Status\" = 'Queued'");
        }
    }
}
