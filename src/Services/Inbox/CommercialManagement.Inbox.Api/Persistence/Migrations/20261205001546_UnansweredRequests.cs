using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class UnansweredRequests : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<Guid>(
                name: "AwaitingMessageId",
                table: "requests",
                type: "uuid",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "AwaitingReplySince",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "UnansweredAlertedAt",
                table: "requests",
                type: "timestamp with time zone",
                nullable: true);

            // What waits already: a website request nobody answered (the request itself), else the customer's first message
            // after the last staff reply. What has waited more than 30 days counts as alerted: no flood of alerts at the deploy.
            migrationBuilder.Sql("""
                UPDATE requests r SET "AwaitingReplySince" = r."ReceivedAt", "AwaitingMessageId" = r."Id"
                WHERE r."Channel" = 0 AND NOT EXISTS (SELECT 1 FROM messages s WHERE s."RequestId" = r."Id" AND s."Kind" = 1);

                UPDATE requests r SET "AwaitingReplySince" = w."PostedAt", "AwaitingMessageId" = w."Id"
                FROM (
                    SELECT DISTINCT ON (m."RequestId") m."RequestId", m."Id", m."PostedAt"
                    FROM messages m
                    WHERE m."Kind" = 0 AND m."PostedAt" > COALESCE(
                        (SELECT max(s."PostedAt") FROM messages s WHERE s."RequestId" = m."RequestId" AND s."Kind" = 1), '-infinity')
                    ORDER BY m."RequestId", m."PostedAt"
                ) w
                WHERE r."Id" = w."RequestId" AND r."AwaitingReplySince" IS NULL;

                UPDATE requests SET "UnansweredAlertedAt" = now()
                WHERE "AwaitingReplySince" < now() - interval '30 days';
                """);

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Schedule = table.Column<string>(type: "jsonb", nullable: false, defaultValueSql: "'{}'::jsonb"),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.OrganisationId);
                });

            migrationBuilder.CreateTable(
                name: "scheduled_once",
                columns: table => new
                {
                    subject_id = table.Column<Guid>(type: "uuid", nullable: false),
                    kind = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: false),
                    due_on = table.Column<DateOnly>(type: "date", nullable: false),
                    organisation_id = table.Column<Guid>(type: "uuid", nullable: false),
                    done_at = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_scheduled_once", x => new { x.subject_id, x.kind, x.due_on });
                });

            migrationBuilder.CreateIndex(
                name: "IX_requests_OrganisationId_AwaitingReplySince_Id",
                table: "requests",
                columns: new[] { "OrganisationId", "AwaitingReplySince", "Id" },
                filter: "\"AwaitingReplySince\" IS NOT NULL");

            migrationBuilder.CreateIndex(
                name: "ix_requests_unanswered_not_alerted",
                table: "requests",
                column: "AwaitingReplySince",
                filter: "\"AwaitingReplySince\" IS NOT NULL AND \"UnansweredAlertedAt\" IS NULL");

            migrationBuilder.CreateIndex(
                name: "ix_scheduled_once_done_at",
                table: "scheduled_once",
                column: "done_at");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "scheduled_once");

            migrationBuilder.DropIndex(
                name: "IX_requests_OrganisationId_AwaitingReplySince_Id",
                table: "requests");

            migrationBuilder.DropIndex(
                name: "ix_requests_unanswered_not_alerted",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "AwaitingMessageId",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "AwaitingReplySince",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "UnansweredAlertedAt",
                table: "requests");
        }
    }
}
