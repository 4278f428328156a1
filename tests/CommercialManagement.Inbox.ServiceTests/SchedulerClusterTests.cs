using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.Configuration;
using Npgsql;
using Quartz;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The service's scheduler as it runs in production (ADR 0023): Quartz on the service's PostgreSQL, clustered. Two
/// instances share the store and each firing runs once; a firing missed while the service was down runs once when it
/// comes back, then the schedule goes on.
/// </summary>
public sealed class SchedulerClusterTests
{
    [Fact]
    public async Task TwoInstancesSharingTheStore_RunEachFiringOnce()
    {
        await using var database = new InboxFactory();
        await ((IAsyncLifetime)database).InitializeAsync();
        await database.ExecuteAsync(FiresTable);

        await using var first = Scheduled(database, "first", "every-second", "* * * * * ?");
        await using var second = Scheduled(new InboxFactory(database.ConnectionString), "second", "every-second", "* * * * * ?");
        _ = first.Services;
        _ = second.Services;
        Assert.True(await Eventually.TrueAsync(async () => await database.CountAsync("SELECT count(*) FROM scheduler_test_fires") >= 6, TimeSpan.FromSeconds(30)),
            "The job did not fire every second.");
        await first.DisposeAsync();
        await second.DisposeAsync();

        var fires = await database.CountAsync("SELECT count(*) FROM scheduler_test_fires");
        var distinct = await database.CountAsync("SELECT count(DISTINCT fire_time) FROM scheduler_test_fires");
        Assert.Equal(distinct, fires);
    }

    [Fact]
    public async Task AFiringMissedWhileDown_RunsOnceWhenTheServiceComesBack()
    {
        await using var database = new InboxFactory();
        await ((IAsyncLifetime)database).InitializeAsync();
        await database.ExecuteAsync(FiresTable);

        // Every day at 3:00 Paris time: started once, so the trigger is in the store.
        await using (var before = Scheduled(database, "before", "nightly", "0 0 3 * * ?"))
        {
            _ = before.Services;
            Assert.True(await Eventually.TrueAsync(
                async () => await StoredTriggersAsync(database, "nightly") == 1, TimeSpan.FromSeconds(30)),
                "The job was never put in the store.");
        }

        // The service was down for two days: its trigger's next firing is two days in the past, so two were missed.
        await database.ExecuteAsync($"UPDATE qrtz_triggers SET next_fire_time = next_fire_time - {TimeSpan.FromDays(2).Ticks} WHERE trigger_name = 'nightly'");

        await using var after = Scheduled(new InboxFactory(database.ConnectionString), "after", "nightly", "0 0 3 * * ?");
        _ = after.Services;
        Assert.True(await Eventually.TrueAsync(async () => await database.CountAsync("SELECT count(*) FROM scheduler_test_fires") >= 1, TimeSpan.FromSeconds(30)),
            "The missed firing did not run when the service came back.");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM scheduler_test_fires"));
        Assert.Equal(1, await database.CountAsync(
            $"SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'nightly' AND next_fire_time > {DateTimeOffset.UtcNow.UtcTicks}"));
    }

    /// <summary>The triggers of that name in the store; none while the scheduler, started after the service, has not created its tables.</summary>
    private static async Task<long> StoredTriggersAsync(InboxFactory database, string name)
    {
        try
        {
            return await database.CountAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = @p0", name);
        }
        catch (PostgresException undefined) when (undefined.SqlState == PostgresErrorCodes.UndefinedTable)
        {
            return 0;
        }
    }

    private const string FiresTable = "CREATE TABLE scheduler_test_fires (fire_time timestamptz NOT NULL, node text NOT NULL)";

    private static WebApplicationFactory<Program> Scheduled(InboxFactory factory, string node, string job, string cron) =>
        factory.WithWebHostBuilder(builder => builder
            .UseSetting("Scheduler:Enabled", "true")
            .UseSetting("Test:Node", node)
            .ConfigureTestServices(services => services.AddScheduledJob<RecordingJob>(job, cron, "Records its firings (test).")));

    /// <summary>Writes down each firing: when it was due and which instance ran it.</summary>
    private sealed class RecordingJob(IConfiguration configuration) : IJob
    {
        public async ValueTask Execute(IJobExecutionContext context, CancellationToken cancellationToken = default)
        {
            await using var connection = new NpgsqlConnection(configuration.GetConnectionString(ResourceNames.InboxDb));
            await connection.OpenAsync(cancellationToken);
            await using var insert = new NpgsqlCommand("INSERT INTO scheduler_test_fires (fire_time, node) VALUES (@fire, @node)", connection);
            insert.Parameters.AddWithValue("fire", context.ScheduledFireTimeUtc ?? context.FireTimeUtc);
            insert.Parameters.AddWithValue("node", configuration["Test:Node"] ?? "");
            await insert.ExecuteNonQueryAsync(cancellationToken);
        }
    }
}
