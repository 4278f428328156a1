using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestLastActivity : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_AssigneeId_ReceivedAt",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_ReceivedAt",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_Unread_ReceivedAt",
                table: "requests");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "LastActivityAt",
                table: "requests",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "LastMessagePreview",
                table: "requests",
                type: "character varying(180)",
                maxLength: 180,
                nullable: true);

            // Existing requests: their last activity is their last message written by someone (not the acknowledgement),
            // else their arrival; the preview is that message's start, with its author as the service writes it.
            migrationBuilder.Sql("""
                UPDATE requests SET "LastActivityAt" = "ReceivedAt",
                       "LastMessagePreview" = left(btrim(regexp_replace("Message", '\s+', ' ', 'g')), 160);
                UPDATE requests r SET "LastActivityAt" = m."PostedAt",
                       "LastMessagePreview" = left(CASE m."Kind" WHEN 0 THEN '' WHEN 2 THEN 'Note de ' || m."AuthorName" || ' : ' ELSE m."AuthorName" || ' : ' END
                                                   || btrim(regexp_replace(m."Body", '\s+', ' ', 'g')), 160)
                FROM (SELECT DISTINCT ON ("RequestId") "RequestId", "PostedAt", "Kind", "AuthorName", "Body"
                      FROM messages WHERE "Kind" <> 3 ORDER BY "RequestId", "PostedAt" DESC) m
                WHERE m."RequestId" = r."Id" AND m."PostedAt" >= r."ReceivedAt";
                """);

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_AssigneeId_LastActivityAt_Id",
                table: "requests",
                columns: new[] { "OrganisationId", "AssigneeId", "LastActivityAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_LastActivityAt_Id",
                table: "requests",
                columns: new[] { "OrganisationId", "LastActivityAt", "Id" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_Unread_LastActivityAt_Id",
                table: "requests",
                columns: new[] { "OrganisationId", "Unread", "LastActivityAt", "Id" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_AssigneeId_LastActivityAt_Id",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_LastActivityAt_Id",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_Unread_LastActivityAt_Id",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "LastActivityAt",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "LastMessagePreview",
                table: "requests");

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_AssigneeId_ReceivedAt",
                table: "requests",
                columns: new[] { "OrganisationId", "AssigneeId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_ReceivedAt",
                table: "requests",
                columns: new[] { "OrganisationId", "ReceivedAt" });

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_Unread_ReceivedAt",
                table: "requests",
                columns: new[] { "OrganisationId", "Unread", "ReceivedAt" });
        }
    }
}
