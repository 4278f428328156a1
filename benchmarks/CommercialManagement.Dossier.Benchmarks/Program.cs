using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Dossier.Api.Persistence;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CommercialManagement.Dossier.Benchmarks;

/// <summary>
/// « Dossiers » and « Pilotage » with 100,000 dossiers in one organisation: the Dossier service in process on a real
/// PostgreSQL, the board and the report called through HTTP as the back office calls them (as an Admin: the whole
/// organisation). Prints p50/p95 per kind of query, and a raw anchor of the same run (one COUNT over the dossiers).
/// Run: dotnet run -c Release --project benchmarks/CommercialManagement.Dossier.Benchmarks -- [dossiers=100000] [calls=200] [seconds=60]
/// (a query stops after its calls or after that many seconds, whichever comes first, and says how many it made).
/// </summary>
internal static class BoardBenchmark
{
    public static async Task Main(string[] args)
    {
        var dossiers = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 100_000;
        var calls = args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 200;
        var budget = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        var organisation = Guid.NewGuid();
        var other = Guid.NewGuid();
        // Outside a test project, WebApplicationFactory needs to be told where the service's content root is.
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_COMMERCIALMANAGEMENT_DOSSIER_API",
            Path.Combine(RepositoryRoot.Path, "src", "Services", "Dossier", "CommercialManagement.Dossier.Api"));

        await using var service = new ServiceFactory<global::Program>(ResourceNames.DossierDb);
        await ((IAsyncLifetime)service).InitializeAsync();
        // Staff tokens live two minutes and a slow query's calls can take longer: a fresh client (and token) per call.
        HttpClient Staff() => service.CreateStaffClient(organisation, ServiceDefaults.Security.StaffClaims.AdminRole);
        Staff().Dispose(); // starts the service, which migrates its database
        var load = Stopwatch.StartNew();
        await using (var connection = new NpgsqlConnection(service.ConnectionString))
        {
            await connection.OpenAsync();
            await BoardLoad.InsertAsync(connection, organisation, dossiers);
            // Another organisation with the same names, e-mails and phones: what it holds must never show.
            await BoardLoad.InsertAsync(connection, other, Math.Max(dossiers / 20, 1));
            await PilotageLoad.InsertAsync(connection, organisation);
            await PilotageLoad.InsertAsync(connection, other);
        }

        var maintainedExact = await service.CountAsync(BoardPlans.MaintainedDifferences, organisation) == 0;
        Console.WriteLine($"{dossiers} dossiers in one organisation (+{Math.Max(dossiers / 20, 1)} in another), up to {calls} calls or {budget.TotalSeconds:F0} s per query, " +
                          $"in-process HTTP + PostgreSQL; bulk load {load.Elapsed.TotalSeconds:F1} s; load average {LoadAverage()}; maintained counts = COUNT: {maintainedExact}");

        var rare = Convert.ToHexString(System.Security.Cryptography.MD5.HashData("4242"u8)).ToLowerInvariant()[..10];
        var assignee = BoardLoad.Staff[2];
        var today = DateOnly.FromDateTime(DateTime.UtcNow);
        var yearAgo = today.AddYears(-1);
        string[] queries =
        [
            "/api/dossiers/board",
            $"/api/dossiers/board?search=Nom{rare}",
            "/api/dossiers/board?search=emma.",
            "/api/dossiers/board?search=06%2000012",
            "/api/dossiers/board?search=D-04242",
            $"/api/dossiers/board?assignee={assignee}",
            "/api/dossiers/board?assignee=none",
            "/api/dossiers/board?arrivalFrom=2027-01-10&arrivalTo=2027-01-16",
            "/api/dossiers/board?unread=true",
            "/api/dossiers/board?column=New&page=3&pageSize=25",
            "/api/dossiers/board?column=Archived&page=200&pageSize=25",
            $"/api/dossiers/board.csv?assignee={assignee}&arrivalFrom=2027-01-10&arrivalTo=2027-01-16",
            "/api/dossiers/board.csv?search=emma.&unread=true",
            "/api/dossiers/reporting",
            $"/api/dossiers/reporting?from={yearAgo:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
            $"/api/dossiers/reporting?from={yearAgo:yyyy-MM-dd}&to={today:yyyy-MM-dd}&assignee={assignee}",
            $"/api/dossiers/reporting/months.csv?from={yearAgo:yyyy-MM-dd}&to={today:yyyy-MM-dd}",
        ];

        // First as right after a bulk load (autovacuum held off, so the run does not depend on when it wakes up),
        // then as autovacuum leaves the table: vacuumed and analysed.
        await service.ExecuteAsync("ALTER TABLE dossiers SET (autovacuum_enabled = off); ANALYZE dossiers;");
        Console.WriteLine("-- after the bulk load and ANALYZE, before any VACUUM");
        await AnchorAsync(service.ConnectionString, organisation, calls, budget);
        await MeasureAsync(Staff, queries, calls, budget);
        await service.ExecuteAsync("ALTER TABLE dossiers RESET (autovacuum_enabled)");
        await service.ExecuteAsync("VACUUM ANALYZE dossiers");
        Console.WriteLine($"-- after VACUUM ANALYZE (load average {LoadAverage()})");
        await AnchorAsync(service.ConnectionString, organisation, calls, budget);
        await MeasureAsync(Staff, queries, calls, budget);
        await BoardPlans.PrintAsync(service, organisation);

        // A busy stretch not compacted yet: 20,000 deltas that cancel out in pairs (the counts stay), the board over
        // them, then the compaction that folds them.
        await service.ExecuteAsync(BoardPlans.UncompactedDeltas(organisation, 20_000));
        Console.WriteLine($"-- with 20,000 count deltas not compacted yet (load average {LoadAverage()})");
        await MeasureAsync(Staff, queries[..1], calls, budget);
        await BoardPlans.PrintAsync(service, organisation, countOnly: true);
        var compaction = Stopwatch.StartNew();
        await using (var scope = service.Services.CreateAsyncScope())
        {
            await BoardCountCompaction.CompactAsync(scope.ServiceProvider.GetRequiredService<DossierDbContext>(), CancellationToken.None);
        }

        Console.WriteLine($"compaction of those deltas: {compaction.Elapsed.TotalMilliseconds:F0} ms; maintained counts = COUNT: " +
                          $"{await service.CountAsync(BoardPlans.MaintainedDifferences, organisation) == 0}; load average {LoadAverage()}");
    }

    private static async Task MeasureAsync(Func<HttpClient> client, string[] queries, int calls, TimeSpan budget)
    {
        foreach (var query in queries)
        {
            var total = 0;
            for (var i = 0; i < 5; i++)
            {
                using var staff = client();
                total = await TotalAsync(await staff.GetAsync(query));
            }

            var timings = new List<double>();
            var spent = Stopwatch.StartNew();
            while (timings.Count < calls && spent.Elapsed < budget)
            {
                using var staff = client();
                var watch = Stopwatch.StartNew();
                (await staff.GetAsync(query)).EnsureSuccessStatusCode();
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"{query,-92} p50 {timings[timings.Count / 2],7:F1} ms   p95 {timings[(int)(timings.Count * 0.95)],7:F1} ms   " +
                              $"calls {timings.Count,3}   total {total,6}");
        }
    }

    /// <summary>
    /// The raw anchor, measured beside the queries: one plain COUNT of the organisation's dossiers on its own connection
    /// (no HTTP, no service), the least a page over all of them could cost on this machine at this moment.
    /// </summary>
    private static async Task AnchorAsync(string connectionString, Guid organisation, int calls, TimeSpan budget)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var timings = new List<double>();
        var spent = Stopwatch.StartNew();
        while (timings.Count < calls && spent.Elapsed < budget)
        {
            await using var count = new NpgsqlCommand($"SELECT count(*) FROM dossiers WHERE \"OrganisationId\" = '{organisation}'", connection);
            var watch = Stopwatch.StartNew();
            await count.ExecuteScalarAsync();
            timings.Add(watch.Elapsed.TotalMilliseconds);
        }

        timings.Sort();
        Console.WriteLine($"{"anchor: SELECT count(*) FROM dossiers (one organisation, raw Npgsql)",-92} p50 {timings[timings.Count / 2],7:F1} ms   " +
                          $"p95 {timings[(int)(timings.Count * 0.95)],7:F1} ms   calls {timings.Count,3}");
    }

    /// <summary>The board's cards over every column (sum of the counts), or the CSV's lines without the header.</summary>
    private static async Task<int> TotalAsync(HttpResponseMessage response)
    {
        response.EnsureSuccessStatusCode();
        if (response.Content.Headers.ContentType?.MediaType == "text/csv")
        {
            return (await response.Content.ReadAsStringAsync()).Split("\r\n", StringSplitOptions.RemoveEmptyEntries).Length - 1;
        }

        var board = await response.Content.ReadFromJsonAsync<JsonElement>();
        if (board.TryGetProperty("funnel", out var funnel))
        {
            // « Pilotage »: the requests of the period.
            return funnel.GetProperty("requests").GetInt32();
        }

        return board.GetProperty("columns").EnumerateArray().Sum(c => c.GetProperty("count").GetInt32());
    }

    private static string LoadAverage() =>
        File.Exists("/proc/loadavg") ? string.Join(' ', File.ReadAllText("/proc/loadavg").Split(' ').Take(3)) : "?";
}
