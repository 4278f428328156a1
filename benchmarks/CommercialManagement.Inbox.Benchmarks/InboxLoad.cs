using System.Globalization;
using Npgsql;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>
/// The requests and conversation messages of the benchmark, written straight into the Inbox service's tables with
/// <c>INSERT ... SELECT generate_series</c>. Request <c>i</c> of an organisation is deterministic, so the queries can
/// name what they look for: « Emma NomMD5(i) », « emma.md5(i)[..8]@example.fr », « 06 0000000i », one every 5 minutes
/// (request 1 the newest), one in seven unread, a third unassigned, six staff members share the rest.
/// </summary>
internal static class InboxLoad
{
    private static readonly string[] Staff = [.. Enumerable.Range(1, 6).Select(n => $"'00000000-0000-0000-0000-00000000000{n}'::uuid")];

    /// <summary>
    /// Most requests in a few organisations: 80 % in the measured one, 10 % in a second with the same names, e-mails and
    /// phones (every total printed is the first organisation's alone), 10 % over 40 small ones.
    /// </summary>
    public static async Task<int> InsertRequestsAsync(NpgsqlConnection connection, Guid measured, int total)
    {
        var main = total * 8 / 10;
        var second = total / 10;
        var small = Enumerable.Range(0, 40).Select(_ => $"'{Guid.NewGuid()}'::uuid").ToArray();
        await ExecuteAsync(connection, Requests($"'{measured}'::uuid", main));
        await ExecuteAsync(connection, Requests($"'{Guid.NewGuid()}'::uuid", second));
        await ExecuteAsync(connection, Requests($"(ARRAY[{string.Join(",", small)}])[1 + i % {small.Length}]", total - main - second));
        return main;
    }

    /// <summary>
    /// About <paramref name="perRequest"/> messages per request on average, spread unevenly (0 to twice the average, by a
    /// hash of the request): customer messages, staff replies (emailed), internal notes and the acknowledgement; an
    /// unread request's last message is the customer's.
    /// </summary>
    public static async Task InsertMessagesAsync(NpgsqlConnection connection, int perRequest)
    {
        await ExecuteAsync(connection, Messages(perRequest));
        // The list's order and preview, as the service keeps them: the last message written by someone (not the acknowledgement).
        await ExecuteAsync(connection, """
            UPDATE requests r SET "LastActivityAt" = m."PostedAt", "LastMessagePreview" = left(m."Body", 160)
            FROM (SELECT DISTINCT ON ("RequestId") "RequestId", "PostedAt", "Body" FROM messages WHERE "Kind" <> 3 ORDER BY "RequestId", "PostedAt" DESC) m
            WHERE m."RequestId" = r."Id" AND m."PostedAt" > r."LastActivityAt";
            """);
    }

    private static string Messages(int perRequest) => $$"""
        INSERT INTO messages ("Id", "OrganisationId", "RequestId", "Kind", "Body", "AuthorId", "AuthorName", "PostedAt", "Delivery")
        SELECT gen_random_uuid(), r."OrganisationId", r."Id", kind,
               CASE kind WHEN 3 THEN 'Votre demande a bien été reçue'
                         ELSE repeat('Bonjour, nous aimerions réserver pour la semaine du 13 février. ', 1 + k % 4) || md5(k::text) END,
               CASE WHEN kind IN (1, 2) THEN {{Staff[0]}} END,
               CASE WHEN kind IN (1, 2) THEN 'Agent 1' WHEN kind = 0 THEN r."CustomerName" ELSE '' END,
               r."ReceivedAt" + (k * 3 || ' hours')::interval,
               CASE WHEN kind IN (1, 3) THEN 2 ELSE 0 END
        FROM (SELECT r.*, ((hashtext(r."Id"::text)::bigint & 2147483647) % {{2 * perRequest + 1}})::int AS n FROM requests r) AS r
        CROSS JOIN LATERAL generate_series(1, r.n) AS k
        CROSS JOIN LATERAL (SELECT CASE WHEN k = 1 THEN 3 WHEN k = r.n AND r."Unread" THEN 0
                                        WHEN k % 3 = 0 THEN 0 WHEN k % 5 = 0 THEN 2 ELSE 1 END AS kind) AS m;
        """;

    private static string Requests(string organisation, int count) => $$"""
        INSERT INTO requests ("Id", "OrganisationId", "Channel", "CustomerName", "CustomerEmail", "CustomerPhone", "Adults", "ChildrenAges",
                              "Message", "Consent", "Language", "ReceivedAt", "LastActivityAt", "LastMessagePreview", "Unread", "AssigneeId", "AssigneeName", "CustomerSpaceToken")
        SELECT gen_random_uuid(), {{organisation}}, CASE WHEN i % 4 = 0 THEN 1 ELSE 0 END,
               (ARRAY['Camille','Lucas','Emma','Hugo','Léa','Louis','Chloé','Jules','Manon','Arthur'])[1 + i % 10] || ' ' || 'Nom' || md5(i::text),
               lower((ARRAY['camille','lucas','emma','hugo','lea','louis','chloe','jules','manon','arthur'])[1 + i % 10]) || '.' || substr(md5(i::text), 1, 8) || '@example.fr',
               '06 ' || lpad(i::text, 8, '0'), 2, CASE WHEN i % 3 = 0 THEN '{6,9}'::integer[] ELSE '{}'::integer[] END,
               CASE WHEN i % 4 <> 0 THEN 'Bonjour, avez-vous un chalet pour 4 personnes du 13 au 20 février ? ' || md5(i::text) END,
               true, 'fr', now() - (i * 5 || ' minutes')::interval, now() - (i * 5 || ' minutes')::interval,
               CASE WHEN i % 4 <> 0 THEN 'Bonjour, avez-vous un chalet pour 4 personnes du 13 au 20 février ? ' || md5(i::text) END, i % 7 = 0,
               CASE WHEN i % 3 = 0 THEN NULL ELSE (ARRAY[{{string.Join(",", Staff)}}])[1 + i % 6] END,
               CASE WHEN i % 3 = 0 THEN NULL ELSE 'Agent ' || (1 + i % 6) END,
               replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
        FROM generate_series(1, {{count.ToString(CultureInfo.InvariantCulture)}}) AS i;
        """;

    private static async Task ExecuteAsync(NpgsqlConnection connection, string sql)
    {
        // The trigram index is updated row by row as they go in (no pending list): far longer than the default 30 s.
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1200 };
        await command.ExecuteNonQueryAsync();
    }
}
