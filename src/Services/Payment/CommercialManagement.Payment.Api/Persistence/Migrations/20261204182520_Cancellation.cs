using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Payment.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Cancellation : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AlterColumn<string>(
                name: "ProviderRefundId",
                table: "refunds",
                type: "character varying(255)",
                maxLength: 255,
                nullable: true,
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255);

            migrationBuilder.AddColumn<string>(
                name: "Method",
                table: "refunds",
                type: "character varying(30)",
                maxLength: 30,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "RecordedBy",
                table: "refunds",
                type: "character varying(200)",
                maxLength: 200,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "Reference",
                table: "refunds",
                type: "character varying(100)",
                maxLength: 100,
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancellationTerms",
                table: "organisations",
                type: "jsonb",
                nullable: false,
                defaultValue: "[]");

            migrationBuilder.AddColumn<string>(
                name: "CancellationReason",
                table: "cases",
                type: "character varying(1000)",
                maxLength: 1000,
                nullable: true);

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "CancelledAt",
                table: "cases",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "CancelledBy",
                table: "cases",
                type: "character varying(20)",
                maxLength: 20,
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "Method",
                table: "refunds");

            migrationBuilder.DropColumn(
                name: "RecordedBy",
                table: "refunds");

            migrationBuilder.DropColumn(
                name: "Reference",
                table: "refunds");

            migrationBuilder.DropColumn(
                name: "CancellationTerms",
                table: "organisations");

            migrationBuilder.DropColumn(
                name: "CancellationReason",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CancelledAt",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "CancelledBy",
                table: "cases");

            migrationBuilder.AlterColumn<string>(
                name: "ProviderRefundId",
                table: "refunds",
                type: "character varying(255)",
                maxLength: 255,
                nullable: false,
                defaultValue: "",
                oldClrType: typeof(string),
                oldType: "character varying(255)",
                oldMaxLength: 255,
                oldNullable: true);
        }
    }
}
