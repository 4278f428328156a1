using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Gateway.Identity.Migrations
{
    /// <inheritdoc />
    public partial class CustomerErasures : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "customer_erasures",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    EmailDigest = table.Column<string>(type: "character varying(64)", maxLength: 64, nullable: false),
                    CaseCount = table.Column<int>(type: "integer", nullable: false),
                    RequestedBy = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    RequestedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    Acknowledgements = table.Column<string>(type: "jsonb", nullable: false),
                    CompletedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    xmin = table.Column<uint>(type: "xid", rowVersion: true, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_customer_erasures", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_customer_erasures_OrganisationId_EmailDigest",
                table: "customer_erasures",
                columns: new[] { "OrganisationId", "EmailDigest" });

            migrationBuilder.CreateIndex(
                name: "IX_customer_erasures_OrganisationId_RequestedAt",
                table: "customer_erasures",
                columns: new[] { "OrganisationId", "RequestedAt" });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "customer_erasures");
        }
    }
}
