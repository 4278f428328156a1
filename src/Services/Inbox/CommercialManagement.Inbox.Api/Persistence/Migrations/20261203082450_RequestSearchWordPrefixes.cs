using System.Collections.Generic;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestSearchWordPrefixes : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // « Demandes » searches of 1 or 2 characters look for words that start with them (RequestSearch): the first
            // one and two letters of every word of the name, email and phone, lower case. Trigrams need 3 characters, so
            // these searches read every request; an array of prefixes under a GIN index finds them. The separators are
            // RequestSearch.Separators. A stored generated column: PostgreSQL fills it for the existing requests as the
            // column is added, and keeps it for every insert without the writers knowing.
            migrationBuilder.Sql("""
                CREATE FUNCTION request_search_prefixes(name text, email text, phone text) RETURNS text[]
                LANGUAGE sql IMMUTABLE PARALLEL SAFE
                RETURN ARRAY(
                    SELECT DISTINCT left(word, length.n)
                    FROM regexp_split_to_table(lower(name || ' ' || email || ' ' || coalesce(phone, '')), '[\s@._+''’(),/:;-]+') AS word,
                         (VALUES (1), (2)) AS length(n)
                    WHERE word <> ''
                    ORDER BY 1);
                """);

            migrationBuilder.AddColumn<List<string>>(
                name: "SearchPrefixes",
                table: "requests",
                type: "text[]",
                nullable: true,
                computedColumnSql: "request_search_prefixes(\"CustomerName\", \"CustomerEmail\", \"CustomerPhone\")",
                stored: true);

            migrationBuilder.CreateIndex(
                name: "ix_requests_search_prefixes",
                table: "requests",
                column: "SearchPrefixes")
                .Annotation("Npgsql:IndexMethod", "gin")
                .Annotation("Npgsql:StorageParameter:fastupdate", false);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_requests_search_prefixes",
                table: "requests");

            migrationBuilder.DropColumn(
                name: "SearchPrefixes",
                table: "requests");

            migrationBuilder.Sql("DROP FUNCTION request_search_prefixes(text, text, text);");
        }
    }
}
