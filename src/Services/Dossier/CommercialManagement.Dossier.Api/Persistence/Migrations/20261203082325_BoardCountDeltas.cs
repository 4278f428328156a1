using System;
using Microsoft.EntityFrameworkCore.Migrations;
using Npgsql.EntityFrameworkCore.PostgreSQL.Metadata;

#nullable disable

namespace CommercialManagement.Dossier.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class BoardCountDeltas : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "board_count_deltas",
                columns: table => new
                {
                    Id = table.Column<long>(type: "bigint", nullable: false)
                        .Annotation("Npgsql:ValueGenerationStrategy", NpgsqlValueGenerationStrategy.IdentityAlwaysColumn),
                    OrganisationId = table.Column<Guid>(type: "uuid", nullable: false),
                    Status = table.Column<string>(type: "character varying(30)", maxLength: 30, nullable: false),
                    Delta = table.Column<int>(type: "integer", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_board_count_deltas", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_board_count_deltas_OrganisationId_Status",
                table: "board_count_deltas",
                columns: new[] { "OrganisationId", "Status" })
                .Annotation("Npgsql:IndexInclude", new[] { "Delta" });

            // The dossiers already there, counted once per organisation and column: from here on every save adds the
            // deltas of its moves. Run with the service stopped (migrations run before it takes traffic): a move
            // committed by an older instance after this snapshot would not be counted.
            migrationBuilder.Sql("""
                INSERT INTO board_count_deltas ("OrganisationId", "Status", "Delta")
                SELECT "OrganisationId", "Status", count(*)::integer FROM dossiers WHERE "Status" <> 'Request' GROUP BY "OrganisationId", "Status";
                """);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "board_count_deltas");
        }
    }
}
