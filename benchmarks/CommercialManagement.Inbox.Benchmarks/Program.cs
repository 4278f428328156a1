using System.Diagnostics;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Npgsql;
using Xunit;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>
/// « Demandes » with tens of thousands of requests: the Inbox service in process on a real PostgreSQL, the list
/// called through HTTP as the back office calls it. Prints p50/p95 per kind of query.
/// Run: dotnet run -c Release --project benchmarks/CommercialManagement.Inbox.Benchmarks -- [requests=50000] [calls=200]
/// </summary>
internal static class ListBenchmark
{
    public static async Task Main(string[] args)
    {
        var requests = args.Length > 0 ? int.Parse(args[0], System.Globalization.CultureInfo.InvariantCulture) : 50_000;
        var calls = args.Length > 1 ? int.Parse(args[1], System.Globalization.CultureInfo.InvariantCulture) : 200;
        var organisation = Guid.NewGuid();
        // Outside a test project, WebApplicationFactory needs to be told where the service's content root is.
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_COMMERCIALMANAGEMENT_INBOX_API",
            Path.Combine(RepositoryRoot.Path, "src", "Services", "Inbox", "CommercialManagement.Inbox.Api"));

        await using var inbox = new ServiceFactory<global::Program>(ResourceNames.InboxDb);
        await ((IAsyncLifetime)inbox).InitializeAsync();
        // Staff tokens live two minutes and a slow query's 200 calls can take longer: a fresh client (and token) per call.
        HttpClient Staff() => inbox.CreateStaffClient(organisation);
        Staff().Dispose(); // starts the service, which migrates its database
        var load = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(inbox.ConnectionString))
        {
            await connection.OpenAsync();
            // Each row updates the trigram index as it goes in (no pending list): longer than the default 30 s on 2 cores.
            await using var bulk = new NpgsqlCommand($$"""
            INSERT INTO requests ("Id", "OrganisationId", "Channel", "CustomerName", "CustomerEmail", "CustomerPhone", "Adults", "ChildrenAges",
                                  "Consent", "Language", "ReceivedAt", "Unread", "AssigneeId", "CustomerSpaceToken")
            SELECT gen_random_uuid(), '{{organisation}}', 0,
            (ARRAY['Camille','Lucas','Emma','Hugo','Léa','Louis','Chloé','Jules','Manon','Arthur'])[1 + i % 10] || ' ' || 'Nom' || md5(i::text),
            lower((ARRAY['camille','lucas','emma','hugo','lea','louis','chloe','jules','manon','arthur'])[1 + i % 10]) || '.' || substr(md5(i::text), 1, 8) || '@example.fr',
            '06 ' || lpad(i::text, 8, '0'), 2, '{}',
                   true, 'fr', now() - (i || ' minutes')::interval, i % 7 = 0, CASE WHEN i % 3 = 0 THEN NULL ELSE gen_random_uuid() END,
                   replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
            FROM generate_series(1, {{requests}}) AS i;
            """, connection) { CommandTimeout = 600 };
            await bulk.ExecuteNonQueryAsync();
        }

        Console.WriteLine($"{requests} requests in one organisation, {calls} calls per query, in-process HTTP + PostgreSQL; bulk load {load.Elapsed.TotalSeconds:F1} s");

        var md5 = Convert.ToHexString(System.Security.Cryptography.MD5.HashData("4242"u8)).ToLowerInvariant();
        string[] queries =
        [
            "/api/requests?page=1&pageSize=25",
            "/api/requests?page=200&pageSize=25",
            "/api/requests?filter=unread&page=1&pageSize=25",
            "/api/requests?filter=unassigned&page=1&pageSize=25",
            $"/api/requests?search=Nom{md5[..10]}&page=1&pageSize=25",
            $"/api/requests?search=EMMA.{md5[..8].ToUpperInvariant()}%40&page=1&pageSize=25",
            "/api/requests?search=emma.&page=1&pageSize=25",
            "/api/requests?search=06%2000012&page=1&pageSize=25",
            "/api/requests?search=06%2000049&page=1&pageSize=25",
            "/api/requests?search=L%C3%A9&page=1&pageSize=25",
            "/api/requests?search=zq&page=1&pageSize=25",
        ];

        // First as right after a bulk load (autovacuum held off, so the run does not depend on when it wakes up),
        // then as autovacuum leaves the table: vacuumed and analysed.
        await inbox.ExecuteAsync("ALTER TABLE requests SET (autovacuum_enabled = off); ANALYZE requests;");
        Console.WriteLine("-- after the bulk load and ANALYZE, before any VACUUM");
        await MeasureAsync(Staff, queries, calls);
        await inbox.ExecuteAsync("ALTER TABLE requests RESET (autovacuum_enabled)");
        await inbox.ExecuteAsync("VACUUM ANALYZE requests");
        Console.WriteLine("-- after VACUUM ANALYZE");
        await MeasureAsync(Staff, queries, calls);

        // The write side: one phone request (an INSERT into requests and its indexes, and an outbox row) per call.
        var writes = new List<double>();
        for (var i = 0; i < calls + 10; i++)
        {
            using var staff = Staff();
            var watch = Stopwatch.StartNew();
            (await staff.PostAsJsonAsync("/api/requests", new { name = $"Appel {i} Nom{i:x8}", email = $"appel.{i}@example.fr", phone = "06 99 00 00 00", adults = 2 })).EnsureSuccessStatusCode();
            if (i >= 10)
            {
                writes.Add(watch.Elapsed.TotalMilliseconds);
            }
        }

        writes.Sort();
        Console.WriteLine($"{"POST /api/requests (phone request)",-58} p50 {writes[writes.Count / 2],7:F1} ms   p95 {writes[(int)(writes.Count * 0.95)],7:F1} ms");
    }

    private static async Task MeasureAsync(Func<HttpClient> client, string[] queries, int calls)
    {
        foreach (var query in queries)
        {
            var total = 0;
            for (var i = 0; i < 10; i++)
            {
                using var staff = client();
                var response = await staff.GetAsync(query);
                response.EnsureSuccessStatusCode();
                total = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("total").GetInt32();
            }

            var timings = new List<double>();
            for (var i = 0; i < calls; i++)
            {
                using var staff = client();
                var watch = Stopwatch.StartNew();
                (await staff.GetAsync(query)).EnsureSuccessStatusCode();
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"{query,-58} p50 {timings[timings.Count / 2],7:F1} ms   p95 {timings[(int)(timings.Count * 0.95)],7:F1} ms   total {total,6}");
        }
    }
}
