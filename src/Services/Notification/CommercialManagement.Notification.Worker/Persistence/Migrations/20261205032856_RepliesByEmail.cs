using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Notification.Worker.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RepliesByEmail : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "ReplyMailboxAddress",
                table: "organisations",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "ReplyMailboxChangedAt",
                table: "organisations",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AlterColumn<string>(
                name: "ReplyTo",
                table: "emails",
                type: "character varying(300)",
                maxLength: 300,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(254)",
                oldMaxLength: 254,
                oldNullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InReplyToEmail",
                table: "emails",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "InternetMessageId",
                table: "emails",
                type: "character varying(500)",
                maxLength: 500,
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "ToCustomer",
                table: "emails",
                type: "boolean",
                nullable: false,
                defaultValue: false);

            // The emails already logged: every one but the staff alerts was to a case's customer, and each one sent left with
            // the Message-ID of that time, which the next emails of its case answer.
            migrationBuilder.Sql("""
                UPDATE emails SET "ToCustomer" = true
                WHERE "Kind" NOT IN ('CustomerReplyAlert', 'QuoteAcceptedAlert', 'PaymentReceivedAlert', 'UnansweredAlert');
                UPDATE emails SET "InternetMessageId" = replace("Id"::text, '-', '') || '@commercialmanagement'
                WHERE "Status" = 'Sent';
                """);

            migrationBuilder.AddColumn<string>(
                name: "ReplyToken",
                table: "cases",
                type: "character varying(32)",
                maxLength: 32,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "ReplyMailboxAddress",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "ReplyMailboxChangedAt",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "InReplyToEmail",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "InternetMessageId",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "ToCustomer",
                table: "emails");

            migrationBuilder.DropColumn(
                name: "ReplyToken",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "ReplyTo",
                table: "emails",
                type: "character varying(254)",
                maxLength: 254,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(300)",
                oldMaxLength: 300,
                oldNullable: true);
        }
    }
}
