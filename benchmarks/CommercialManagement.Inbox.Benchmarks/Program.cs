using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Npgsql;
using Xunit;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>
/// « Demandes » at scale: the Inbox service in process on a real PostgreSQL, with requests spread over organisations
/// and their conversations (<see cref="InboxLoad"/>), the list called through HTTP as the back office calls it.
/// Prints p50/p95 per kind of query, and the machine's load average around each series.
/// Run: dotnet run -c Release --project benchmarks/CommercialManagement.Inbox.Benchmarks -- [requests=100000] [calls=200] [messages=1000000]
/// With <c>mailin</c> first, the reply-mailbox fetch instead (<see cref="MailInBenchmark"/>).
/// </summary>
internal static class ListBenchmark
{
    public static async Task Main(string[] args)
    {
        if (args is ["mailin", .. var mailIn])
        {
            await MailInBenchmark.RunAsync(mailIn);
            return;
        }

        var requests = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var messages = args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 1_000_000;
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
        Console.WriteLine($"load average {LoadAverage()} before the bulk load");
        var load = Stopwatch.StartNew();
        int mine;
        await using (var connection = new NpgsqlConnection(inbox.ConnectionString))
        {
            await connection.OpenAsync();
            mine = await InboxLoad.InsertRequestsAsync(connection, organisation, requests);
            Console.WriteLine($"{requests} requests ({mine} in the measured organisation) in {load.Elapsed.TotalSeconds:F1} s");
            load.Restart();
            if (messages > 0)
            {
                await InboxLoad.InsertMessagesAsync(connection, Math.Max(1, messages / requests));
            }
        }

        var loaded = await inbox.CountAsync("SELECT count(*) FROM messages");
        Console.WriteLine($"{loaded} messages in {load.Elapsed.TotalSeconds:F1} s; {calls} calls per query, in-process HTTP + PostgreSQL");

        var md5 = Convert.ToHexString(System.Security.Cryptography.MD5.HashData("4242"u8)).ToLowerInvariant();
        var oldest = (mine / 1000 - 1).ToString("D2", CultureInfo.InvariantCulture);
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
            $"/api/requests?search=06%20000{oldest}&page=1&pageSize=25",
            "/api/requests?search=L%C3%A9&page=1&pageSize=25",
            "/api/requests?search=zq&page=1&pageSize=25",
            "/api/requests?search=no&page=1&pageSize=25",
            "/api/requests?search=e&page=1&pageSize=25",
        ];

        // First as right after a bulk load (autovacuum held off, so the run does not depend on when it wakes up),
        // then as autovacuum leaves the table: vacuumed and analysed.
        await ExecuteAsync(inbox.ConnectionString, "ALTER TABLE requests SET (autovacuum_enabled = off); ALTER TABLE messages SET (autovacuum_enabled = off); ANALYZE requests; ANALYZE messages;");
        Console.WriteLine("-- after the bulk load and ANALYZE, before any VACUUM");
        await MeasureAsync(Staff, queries, calls);
        await ExecuteAsync(inbox.ConnectionString, "ALTER TABLE requests RESET (autovacuum_enabled); ALTER TABLE messages RESET (autovacuum_enabled);");
        await ExecuteAsync(inbox.ConnectionString, "VACUUM ANALYZE requests");
        await ExecuteAsync(inbox.ConnectionString, "VACUUM ANALYZE messages");
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

    /// <summary>VACUUM and ANALYZE of a million messages take longer than the default 30 s on a busy machine.</summary>
    private static async Task ExecuteAsync(string connectionString, string sql)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection) { CommandTimeout = 1200 };
        await command.ExecuteNonQueryAsync();
    }

    private static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    private static async Task MeasureAsync(Func<HttpClient> client, string[] queries, int calls)
    {
        Console.WriteLine($"load average {LoadAverage()} (1, 5, 15 min) at the start");
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

        Console.WriteLine($"load average {LoadAverage()} at the end");
    }
}
