using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Payment.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class Amendments : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "AcceptedVersion",
                table: "cases",
                type: "integer",
                nullable: true);

            migrationBuilder.AddColumn<List<Guid>>(
                name: "ReplacedInvoiceIds",
                table: "cases",
                type: "uuid[]",
                nullable: false,
                defaultValueSql: "'{}'::uuid[]");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedVersion",
                table: "cases");

            migrationBuilder.DropColumn(
                name: "ReplacedInvoiceIds",
                table: "cases");
        }
    }
}
