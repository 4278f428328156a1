using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuoteEmailsAndCases : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_emails_RegardingId_Kind",
                table: "emails");

            migrationBuilder.AddColumn<int>(
                name: "RegardingVersion",
                table: "emails",
                type: "integer",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerSpaceToken = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    TokenChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.RequestId);
                });

            migrationBuilder.CreateIndex(
                name: "IX_emails_RegardingId_RegardingVersion_Kind",
                table: "emails",
                columns: new[] { "RegardingId", "RegardingVersion", "Kind" },
                unique: true,
                filter: "\"RegardingId\" IS NOT NULL")
                .Annotation("Npgsql:NullsDistinct", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropIndex(
                name: "IX_emails_RegardingId_RegardingVersion_Kind",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "RegardingVersion",
                table: "emails");

            migrationBuilder.CreateIndex(
                name: "IX_emails_RegardingId_Kind",
                table: "emails",
                columns: new[] { "RegardingId", "Kind" },
                unique: true,
                filter: "\"RegardingId\" IS NOT NULL");
        }
    }
}
