using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestReadStateAndAssignee : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AssigneeId",
                table: "requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "AssigneeName",
                table: "requests",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternalNote",
                table: "requests",
                type: "character varying(5000)",
                maxLength: 5000,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "Unread",
                table: "requests",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_AssigneeId_ReceivedAt",
                table: "requests",
                columns: new[] { "OrganisationId", "AssigneeId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_Unread_ReceivedAt",
                table: "requests",
                columns: new[] { "OrganisationId", "Unread", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_WebsiteId_CustomerEmail_ReceivedAt",
                table: "requests",
                columns: new[] { "WebsiteId", "CustomerEmail", "ReceivedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_AssigneeId_ReceivedAt",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_Unread_ReceivedAt",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_WebsiteId_CustomerEmail_ReceivedAt",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "AssigneeId",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "AssigneeName",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "InternalNote",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "Unread",
                table: "requests");
        }
    }
}
