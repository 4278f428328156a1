using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class PaymentEmails : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "TokenChangedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true,
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone");

            migrationBuilder.AlterColumn<string>(
                name: "CustomerSpaceToken",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CustomerChangedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerEmail",
                table: "cases",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CustomerName",
                table: "cases",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Language",
                table: "cases",
                type: "character varying(10)",
                maxLength: 10,
                nullable: true);

            // Cases known before: their customer's address and language from the latest email the worker sent them.
            migrationBuilder.Sql(
                """
                UPDATE cases AS c
                SET "CustomerEmail" = e."To",
                    "Language" = CASE WHEN e."HtmlBody" LIKE '<!DOCTYPE html><html lang="en">%' THEN 'en' ELSE 'fr' END,
                    "CustomerChangedAt" = e."QueuedAt"
                FROM (
                    SELECT DISTINCT ON ("CaseId") "CaseId", "To", "HtmlBody", "QueuedAt"
                    FROM emails
                    WHERE "Kind" IN ('RequestAcknowledgement', 'StaffReply', 'QuoteSent') AND "To" <> '' AND "CaseId" IS NOT NULL
                    ORDER BY "CaseId", "QueuedAt" DESC
                ) AS e
                WHERE c."RequestId" = e."CaseId"
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            // Cases known only by their customer have no token to keep.
            migrationBuilder.Sql("""DELETE FROM cases WHERE "CustomerSpaceToken" IS NULL""");

            migrationBuilder.DropColumn(
                name: "CustomerChangedAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CustomerEmail",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CustomerName",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "Language",
                table: "cases");

            migrationBuilder.AlterColumn<DateTimeOffset>(
                name: "TokenChangedAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)),
                oldClrType: typeof(DateTimeOffset),
                oldType: "timestamp with time zone",
                oldNullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "CustomerSpaceToken",
                table: "cases",
                type: "character varying(100)",
                maxLength: 100,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(100)",
                oldMaxLength: 100,
                oldNullable: true);
        }
    }
}
