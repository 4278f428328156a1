using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Payment.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class SessionsToClose : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "SessionToCloseAt",
                table: "payment_requests",
                type: "timestamp with time zone",
                nullable: true);

            migrationBuilder.CreateIndex(
                name: "IX_payment_requests_SessionToCloseAt",
                table: "payment_requests",
                column: "SessionToCloseAt",
                filter: "\"SessionToCloseAt\" IS NOT NULL");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "IX_payment_requests_SessionToCloseAt",
                table: "payment_requests");

            migrationBuilder.DropColumn(
                name: "SessionToCloseAt",
                table: "payment_requests");
        }
    }
}
