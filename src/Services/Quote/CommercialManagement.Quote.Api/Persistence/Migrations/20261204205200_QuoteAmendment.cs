using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Quote.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class QuoteAmendment : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "AcceptedLines",
                table: "quotes",
                type: "jsonb",
                nullable: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "AcceptedLines",
                table: "quotes");
        }
    }
}
