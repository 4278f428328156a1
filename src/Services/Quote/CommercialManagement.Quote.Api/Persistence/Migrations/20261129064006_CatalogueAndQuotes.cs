using System;
using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Quote.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class CatalogueAndQuotes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "cases",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    Language = table.Column<string>(type: "character varying(10)", maxLength: 10, nullable: false),
                    Arrival = table.Column<DateOnly>(type: "date", nullable: true),
                    Departure = table.Column<DateOnly>(type: "date", nullable: true),
                    Adults = table.Column<int>(type: "integer", nullable: false),
                    ChildrenAges = table.Column<List<int>>(type: "integer[]", nullable: false),
                    StayChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_cases", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "organisations",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Kind = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    Address = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    Siret = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    VatNumber = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    TravelOperatorRegistration = table.Column<string>(type: "character varying(60)", maxLength: 60, nullable: true),
                    ContactEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    ContactPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: true),
                    DepositPercentage = table.Column<int>(type: "integer", nullable: false),
                    BalanceDueDaysBeforeArrival = table.Column<int>(type: "integer", nullable: false),
                    QuoteValidityDays = table.Column<int>(type: "integer", nullable: false),
                    QuoteNumberPrefix = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    TermsOfSale = table.Column<string>(type: "text", nullable: false),
                    ChangedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    IsBookingOffice = table.Column<bool>(type: "boolean", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_organisations", x => x.OrganisationId);
                });

            migrationBuilder.CreateTable(
                name: "products",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Type = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    SoldOnMarketplace = table.Column<bool>(type: "boolean", nullable: false),
                    VatRateBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    Seasons = table.Column<string>(type: "jsonb", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: true),
                    UnitCapacity = table.Column<int>(type: "integer", nullable: true),
                    TouristTaxCentsPerAdultNight = table.Column<long>(type: "bigint", nullable: true),
                    LessonKind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Retired = table.Column<bool>(type: "boolean", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_products", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "quote_counters",
                columns: table => new
                {
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Year = table.Column<int>(type: "integer", nullable: false),
                    Last = table.Column<long>(type: "bigint", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_counters", x => new { x.OrganisationId, x.Year });
                });

            migrationBuilder.CreateTable(
                name: "quotes",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    RequestId = table.Column<Guid>(type: "uuid", nullable: false),
                    Number = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false),
                    State = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    Stay = table.Column<string>(type: "jsonb", nullable: false),
                    CreatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    UpdatedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    AcceptedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    AcceptedBy = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AcceptedVersion = table.Column<int>(type: "integer", nullable: true),
                    AcceptedFrom = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    AcceptanceNote = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ClosedAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ClosingReason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true),
                    ReplacesQuoteId = table.Column<Guid>(type: "uuid", nullable: true),
                    CustomerAddress = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: false),
                    CustomerEmail = table.Column<string>(type: "character varying(254)", maxLength: 254, nullable: false),
                    CustomerName = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    CustomerPhone = table.Column<string>(type: "character varying(40)", maxLength: 40, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quotes", x => x.Id);
                });

            migrationBuilder.CreateTable(
                name: "availability",
                columns: table => new
                {
                    ProductId = table.Column<Guid>(type: "uuid", nullable: false),
                    Date = table.Column<DateOnly>(type: "date", nullable: false),
                    Capacity = table.Column<int>(type: "integer", nullable: false),
                    Held = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_availability", x => new { x.ProductId, x.Date });
                    table.CheckConstraint("ck_availability_held", "\"Held\" >= 0 AND \"Held\" <= \"Capacity\"");
                    table.ForeignKey(
                        name: "FK_availability_products_ProductId",
                        column: x => x.ProductId,
                        principalTable: "products",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quote_lines",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Position = table.Column<int>(type: "integer", nullable: false),
                    Kind = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: false),
                    ProductId = table.Column<Guid>(type: "uuid", nullable: true),
                    ProductType = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    AgeBand = table.Column<string>(type: "character varying(20)", maxLength: 20, nullable: true),
                    Label = table.Column<string>(type: "character varying(300)", maxLength: 300, nullable: false),
                    Description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    From = table.Column<DateOnly>(type: "date", nullable: true),
                    To = table.Column<DateOnly>(type: "date", nullable: true),
                    Quantity = table.Column<int>(type: "integer", nullable: false),
                    UnitPriceCents = table.Column<long>(type: "bigint", nullable: false),
                    VatRateBasisPoints = table.Column<int>(type: "integer", nullable: false),
                    Breakdown = table.Column<string>(type: "jsonb", nullable: false),
                    Participants = table.Column<int>(type: "integer", nullable: false),
                    Seniors = table.Column<int>(type: "integer", nullable: false),
                    ChildrenAges = table.Column<List<int>>(type: "integer[]", nullable: false),
                    HeldPerDate = table.Column<int>(type: "integer", nullable: false),
                    TouristTaxAdults = table.Column<int>(type: "integer", nullable: false),
                    TouristTaxNights = table.Column<int>(type: "integer", nullable: false),
                    TouristTaxCentsPerAdultNight = table.Column<long>(type: "bigint", nullable: false),
                    Problem = table.Column<string>(type: "character varying(500)", maxLength: 500, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_lines", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_lines_quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "quote_versions",
                columns: table => new
                {
                    Id = table.Column<Guid>(type: "uuid", nullable: false),
                    QuoteId = table.Column<Guid>(type: "uuid", nullable: false),
                    Version = table.Column<int>(type: "integer", nullable: false),
                    SentAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    ValidUntil = table.Column<DateOnly>(type: "date", nullable: true),
                    TotalCents = table.Column<long>(type: "bigint", nullable: false),
                    LineCount = table.Column<int>(type: "integer", nullable: false),
                    Content = table.Column<string>(type: "jsonb", nullable: false),
                    SupersededAt = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_quote_versions", x => x.Id);
                    table.ForeignKey(
                        name: "FK_quote_versions_quotes_QuoteId",
                        column: x => x.QuoteId,
                        principalTable: "quotes",
                        principalColumn: "Id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "IX_products_OrganisationId_Type",
                table: "products",
                columns: new[] { "OrganisationId", "Type" });

            migrationBuilder.CreateIndex(
                name: "IX_products_SoldOnMarketplace_Type",
                table: "products",
                columns: new[] { "SoldOnMarketplace", "Type" },
                filter: "\"SoldOnMarketplace\" AND NOT \"Retired\"");

            migrationBuilder.CreateIndex(
                name: "IX_quote_lines_ProductId",
                table: "quote_lines",
                column: "ProductId");

            migrationBuilder.CreateIndex(
                name: "IX_quote_lines_QuoteId",
                table: "quote_lines",
                column: "QuoteId");

            migrationBuilder.CreateIndex(
                name: "IX_quote_versions_QuoteId_Version",
                table: "quote_versions",
                columns: new[] { "QuoteId", "Version" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quotes_OrganisationId_Number",
                table: "quotes",
                columns: new[] { "OrganisationId", "Number" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "IX_quotes_RequestId_CreatedAt",
                table: "quotes",
                columns: new[] { "RequestId", "CreatedAt" });

            migrationBuilder.CreateIndex(
                name: "ux_quotes_in_progress",
                table: "quotes",
                column: "RequestId",
                unique: true,
                filter: "\"State\" IN ('Draft', 'Sent')");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "availability");

            migrationBuilder.DropTable(
                name: "cases");

            migrationBuilder.DropTable(
                name: "organisations");

            migrationBuilder.DropTable(
                name: "quote_counters");

            migrationBuilder.DropTable(
                name: "quote_lines");

            migrationBuilder.DropTable(
                name: "quote_versions");

            migrationBuilder.DropTable(
                name: "products");

            migrationBuilder.DropTable(
                name: "quotes");
        }
    }
}
