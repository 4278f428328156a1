using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class ConversationAndCustomerSpace : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "CustomerSpaceToken",
                table: "requests",
                type: "character varying(64)",
                maxLength: 64,
                nullable: false,
                defaultValue: "");

            // Requests stored before the customer space get their own unguessable token (two random UUIDs, 244 bits).
            migrationBuilder.Sql("""
                UPDATE requests
                SET "CustomerSpaceToken" = replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
                WHERE "CustomerSpaceToken" = '';
                """);

            migrationBuilder.CreateTable(
                name: "messages",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Kind = table.Column<int>(type: "integer", nullable: false),
                    Body = table.Column<string>(type: "character varying(5000)", maxLength: 5000, nullable: false),
                    AuthorId = table.Column<Guid>(type: "uuid", nullable: true),
                    AuthorName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    PostedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    Delivery = table.Column<int>(type: "integer", nullable: false),
                    DeliveryFailure = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_messages", x => x.Id);
                    table.ForeignKey(
                        name: "FK_messages_requests_RequestId",
                        column: x => x.RequestId,
                        principalTable: "requests",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_requests_CustomerSpaceToken",
                table: "requests",
                column: "CustomerSpaceToken",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_messages_RequestId_PostedAt",
                table: "messages",
                columns: new[] { "RequestId", "PostedAt" });

            // A phone call's first note was a column of the request: it becomes the conversation's first internal note.
            migrationBuilder.Sql("""
                INSERT INTO messages ("Id", "OrganisationId", "RequestId", "Kind", "Body", "AuthorId", "AuthorName", "PostedAt", "Delivery")
                SELECT gen_random_uuid(), "OrganisationId", "Id", 2, "InternalNote", "AssigneeId", coalesce("AssigneeName", ''), "ReceivedAt", 0
                FROM requests
                WHERE "InternalNote" IS NOT NULL AND "InternalNote" <> '';
                """);

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "requests");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "messages");

            migrationBuilder.DropIndex(
                name: "IX_requests_CustomerSpaceToken",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "CustomerSpaceToken",
                table: "requests");

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "requests",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);
        }
    }
}
