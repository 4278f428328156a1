using Npgsql;

namespace CommercialManagement.Dossier.Benchmarks;

/// <summary>
/// The dossiers of the benchmark, written straight into the Dossier service's table in one bulk INSERT ... SELECT
/// per organisation, with the board's count deltas they make (one transaction). Dossier <c>i</c> is deterministic, so
/// the queries can name what they look for.
/// </summary>
internal static class BoardLoad
{
    /// <summary>Six staff members share the assigned dossiers; a quarter have nobody.</summary>
    public static readonly Guid[] Staff = [.. Enumerable.Range(1, 6).Select(n => new Guid($"00000000-0000-0000-0000-00000000000{n}"))];

    /// <summary>
    /// <paramref name="count"/> dossiers opened over the last year, one every ~5 minutes (dossier 1 the newest). Columns
    /// by a hash of <c>i</c>: 39 % Archived, 25 % Processed, 15 % New, 8 % InProgress, 5 % AwaitingPayment, 4 %
    /// DepositPaid, 3 % PaidInFull and 1 % still a request (not on the board). Stays over the winter (1 December to
    /// 31 March, 7 nights; none for one in ten), one in thirteen unread, one in ten without a phone; the last move
    /// within the first quarter of the dossier's age. Names, e-mails and
    /// phones follow the Inbox benchmark: « Emma NomMD5(i) », « emma.md5(i)[..8]@example.fr », « 06 0000i ».
    /// </summary>
    public static async Task InsertAsync(NpgsqlConnection connection, Guid organisation, int count)
    {
        var staff = string.Join(",", Staff.Select(s => $"'{s}'::uuid"));
        await using var bulk = new NpgsqlCommand($$"""
            INSERT INTO dossiers ("Id", "OrganisationId", "Reference", "Status", "StatusBeforeArchive", "Channel", "CustomerName", "CustomerEmail",
                                  "CustomerPhone", "Arrival", "Departure", "Adults", "ChildrenAges", "CreatedAt", "StatusChangedAt",
                                  "QuoteId", "QuoteNumber", "QuoteLineCount", "QuoteTotalCents", "QuoteChangedAt", "AcceptedQuoteId", "AcceptedTotalCents",
                                  "PaidCents", "HasUnreadMessages", "AssigneeId", "AssigneeName", "AssignedAt", "ReadStateAt")
            SELECT gen_random_uuid(), '{{organisation}}', 'D-' || lpad(i::text, 5, '0'), status,
                   CASE WHEN status = 'Archived' THEN 'Processed' END,
                   CASE WHEN i % 4 = 0 THEN 'Phone' ELSE 'WebForm' END,
                   (ARRAY['Camille','Lucas','Emma','Hugo','Léa','Louis','Chloé','Jules','Manon','Arthur'])[1 + i % 10] || ' ' || 'Nom' || md5(i::text),
                   lower((ARRAY['camille','lucas','emma','hugo','lea','louis','chloe','jules','manon','arthur'])[1 + i % 10]) || '.' || substr(md5(i::text), 1, 8) || '@example.fr',
                   CASE WHEN i % 10 = 7 THEN NULL ELSE '06 ' || lpad(i::text, 8, '0') END,
                   CASE WHEN i % 10 = 3 THEN NULL ELSE date '2026-12-01' + stay END,
                   CASE WHEN i % 10 = 3 THEN NULL ELSE date '2026-12-08' + stay END,
                   2, CASE WHEN i % 3 = 0 THEN '{6,9}'::integer[] ELSE '{}'::integer[] END,
                   created, created + (now() - created) * ((h2 % 1000) / 4000.0),
                   gen_random_uuid(), 'DEV-' || i, 3, 95000 + h2 % 100000, created,
                   CASE WHEN status NOT IN ('Request', 'New', 'InProgress') THEN gen_random_uuid() END,
                   CASE WHEN status NOT IN ('Request', 'New', 'InProgress') THEN 95000 + h2 % 100000 END,
                   CASE WHEN status IN ('PaidInFull', 'Processed', 'Archived') THEN 95000 + h2 % 100000 WHEN status = 'DepositPaid' THEN 30000 ELSE 0 END,
                   i % 13 = 0, assignee, CASE WHEN assignee IS NOT NULL THEN 'Agent ' || right(assignee::text, 1) END,
                   CASE WHEN assignee IS NOT NULL THEN created END, created
            FROM (
                SELECT i, h1, h2, now() - (i * 5 || ' minutes')::interval - ((h2 % 300) || ' seconds')::interval AS created,
                       (h2 % 121)::int AS stay,
                       CASE WHEN h1 % 100 < 1 THEN 'Request' WHEN h1 % 100 < 16 THEN 'New' WHEN h1 % 100 < 24 THEN 'InProgress'
                            WHEN h1 % 100 < 29 THEN 'AwaitingPayment' WHEN h1 % 100 < 33 THEN 'DepositPaid' WHEN h1 % 100 < 36 THEN 'PaidInFull'
                            WHEN h1 % 100 < 61 THEN 'Processed' ELSE 'Archived' END AS status,
                       CASE WHEN h2 % 4 = 0 THEN NULL ELSE (ARRAY[{{staff}}])[1 + h1 % 6] END AS assignee
                FROM (SELECT i, (hashint4(i)::bigint & 2147483647) AS h1, (hashint4(i + 7919)::bigint & 2147483647) AS h2 FROM generate_series(1, {{count}}) AS i) AS seed
            ) AS d;
            INSERT INTO reference_counters ("OrganisationId", "Last") VALUES ('{{organisation}}', {{count}});
            -- The board's maintained counts of these dossiers, in the same transaction and with the statement the migration
            -- BoardCountDeltas uses for the dossiers already there (the bulk insert bypasses the service's save path).
            INSERT INTO board_count_deltas ("OrganisationId", "Status", "Delta")
            SELECT "OrganisationId", "Status", count(*)::integer FROM dossiers
            WHERE "OrganisationId" = '{{organisation}}' AND "Status" <> 'Request' GROUP BY "OrganisationId", "Status";
            """, connection) { CommandTimeout = 900 };
        await bulk.ExecuteNonQueryAsync();
    }
}
