using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class InvoiceEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // Every attachment before this one is a quote's PDF (from the Quote service), fetched or still pending.
            migrationBuilder.AddColumn<string>(
                name: "Source",
                table: "email_attachments",
                type: "character varying(20)",
                maxLength: 20,
                nullable: false,
                defaultValue: "Quote");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Source",
                table: "email_attachments");
        }
    }
}
