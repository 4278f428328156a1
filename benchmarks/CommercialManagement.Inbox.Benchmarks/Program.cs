using System.Diagnostics;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
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
        var staff = inbox.CreateStaffClient(organisation);
        await inbox.ExecuteAsync($$"""
            INSERT INTO requests ("Id", "OrganisationId", "Channel", "CustomerName", "CustomerEmail", "CustomerPhone", "Adults", "ChildrenAges",
                                  "Consent", "Language", "ReceivedAt", "Unread", "AssigneeId", "CustomerSpaceToken")
            SELECT gen_random_uuid(), '{{organisation}}', 0,
            (ARRAY['Camille','Lucas','Emma','Hugo','Léa','Louis','Chloé','Jules','Manon','Arthur'])[1 + i % 10] || ' ' || 'Nom' || md5(i::text),
            lower((ARRAY['camille','lucas','emma','hugo','lea','louis','chloe','jules','manon','arthur'])[1 + i % 10]) || '.' || substr(md5(i::text), 1, 8) || '@example.fr',
            '06 ' || lpad(i::text, 8, '0'), 2, '{}',
                   true, 'fr', now() - (i || ' minutes')::interval, i % 7 = 0, CASE WHEN i % 3 = 0 THEN NULL ELSE gen_random_uuid() END,
                   replace(gen_random_uuid()::text, '-', '') || replace(gen_random_uuid()::text, '-', '')
            FROM generate_series(1, {{requests}}) AS i;
            ANALYZE requests;
            """);
        Console.WriteLine($"{requests} requests in one organisation, {calls} calls per query, in-process HTTP + PostgreSQL");

        string[] queries =
        [
            "/api/requests?page=1&pageSize=25",
            "/api/requests?page=200&pageSize=25",
            "/api/requests?filter=unread&page=1&pageSize=25",
            "/api/requests?filter=unassigned&page=1&pageSize=25",
            $"/api/requests?search=Nom{Convert.ToHexString(System.Security.Cryptography.MD5.HashData("4242"u8)).ToLowerInvariant()[..10]}&page=1&pageSize=25",
            "/api/requests?search=emma.&page=1&pageSize=25",
            "/api/requests?search=06%2000012&page=1&pageSize=25",
        ];
        foreach (var query in queries)
        {
            for (var i = 0; i < 10; i++)
            {
                (await staff.GetAsync(query)).EnsureSuccessStatusCode();
            }

            var timings = new List<double>();
            for (var i = 0; i < calls; i++)
            {
                var watch = Stopwatch.StartNew();
                (await staff.GetAsync(query)).EnsureSuccessStatusCode();
                timings.Add(watch.Elapsed.TotalMilliseconds);
            }

            timings.Sort();
            Console.WriteLine($"{query,-58} p50 {timings[timings.Count / 2],7:F1} ms   p95 {timings[(int)(timings.Count * 0.95)],7:F1} ms");
        }
    }
}
