using CommercialManagement.TestKit;
using Npgsql;

namespace CommercialManagement.Dossier.Benchmarks;

/// <summary>What the board's queries cost in the database: EXPLAIN (ANALYZE, BUFFERS) of their SQL, as EF Core writes it.</summary>
internal static class BoardPlans
{
    /// <summary>How many columns of the organisation (@p0) have a maintained count other than a real COUNT: 0 when exact.</summary>
    public const string MaintainedDifferences = """
        SELECT count(*) FROM (
            SELECT "Status", count(*) AS n FROM dossiers WHERE "OrganisationId" = @p0 AND "Status" <> 'Request' GROUP BY "Status") AS r
        FULL JOIN (SELECT "Status", sum("Delta") AS n FROM board_count_deltas WHERE "OrganisationId" = @p0 GROUP BY "Status") AS m USING ("Status")
        WHERE coalesce(r.n, 0) <> coalesce(m.n, 0)
        """;

    public static string UncompactedDeltas(Guid organisation, int count) => $"""
        INSERT INTO board_count_deltas ("OrganisationId", "Status", "Delta")
        SELECT '{organisation}', (ARRAY['New','InProgress','AwaitingPayment','DepositPaid','PaidInFull','Processed','Archived'])[1 + (i / 2) % 7],
               CASE WHEN i % 2 = 0 THEN 1 ELSE -1 END
        FROM generate_series(0, {count - 1}) AS i;
        ANALYZE board_count_deltas;
        """;

    public static async Task PrintAsync<T>(ServiceFactory<T> service, Guid organisation, bool countOnly = false)
        where T : class
    {
        var queries = new List<(string What, string Sql)>
        {
            ("the maintained counts (unfiltered board)", $"""
                SELECT b."Status", COALESCE(sum(b."Delta"), 0)::int FROM board_count_deltas AS b
                WHERE b."OrganisationId" = '{organisation}' GROUP BY b."Status"
                """),
        };
        if (!countOnly)
        {
            queries.Add(("the grouped count it replaces (still the filtered boards' count, here without a filter)", $"""
                SELECT d."Status", count(*)::int FROM dossiers AS d
                WHERE d."OrganisationId" = '{organisation}' AND d."Status" <> 'Request' GROUP BY d."Status"
                """));
            var pages = string.Join("\n    UNION ALL\n", new[] { "New", "InProgress", "AwaitingPayment", "DepositPaid", "PaidInFull", "Processed", "Archived" }.Select(status => $"""
                    (SELECT * FROM dossiers AS d
                     WHERE d."OrganisationId" = '{organisation}' AND d."Status" <> 'Request' AND d."Status" = '{status}'
                     ORDER BY d."StatusChangedAt" DESC, d."Id" DESC LIMIT 20)
                """));
            queries.Add(("the seven columns' first pages (20 cards each), one UNION ALL", $"""
                SELECT u."Id", u."Reference", u."Status", u."CustomerName", u."CustomerEmail", u."CustomerPhone", u."Arrival", u."Departure", u."Adults",
                       cardinality(u."ChildrenAges"), COALESCE(u."AcceptedTotalCents", u."QuoteTotalCents"), u."PaidCents", u."AssigneeId", u."AssigneeName",
                       u."StatusChangedAt", u."HasUnreadMessages"
                FROM ({pages}) AS u
                ORDER BY u."Status", u."StatusChangedAt" DESC, u."Id" DESC
                """));
        }

        await using var connection = new NpgsqlConnection(service.ConnectionString);
        await connection.OpenAsync();
        foreach (var (what, sql) in queries)
        {
            Console.WriteLine($"EXPLAIN (ANALYZE, BUFFERS): {what}");
            await using var command = new NpgsqlCommand("EXPLAIN (ANALYZE, BUFFERS) " + sql, connection);
            await using var reader = await command.ExecuteReaderAsync();
            while (await reader.ReadAsync())
            {
                Console.WriteLine("    " + reader.GetString(0));
            }
        }
    }
}
