using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace CommercialManagement.Inbox.Api.Persistence.Migrations
{
    /// <inheritdoc />
    public partial class RequestSearchIndexWithoutPendingList : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            // With GIN's default fastupdate, new rows' trigrams wait in a pending list until a VACUUM (or 4 MB of them)
            // merges it: every search reads the whole list once per ILIKE, and until the first VACUUM the planner
            // prices the index so high that « Demandes » searched by seq scan (50,000 rows, 3 ILIKEs each, twice per
            // call: 220-370 ms). Without the list each insert updates the index at once (a fraction of a millisecond
            // for a request's few dozen trigrams) and searches use the index from the first row.
            migrationBuilder.Sql("ALTER INDEX ix_requests_search SET (fastupdate = off);");
            // Turning it off does not flush what is already pending.
            migrationBuilder.Sql("SELECT gin_clean_pending_list('ix_requests_search'::regclass);");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("ALTER INDEX ix_requests_search RESET (fastupdate);");
        }
    }
}
