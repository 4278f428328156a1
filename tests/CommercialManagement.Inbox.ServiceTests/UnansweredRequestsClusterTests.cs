using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Features.Unanswered;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// « unanswered-requests » as it runs in production: Quartz, clustered, two instances sharing the store, the job fired
/// every second (<c>Scheduler:Jobs:unanswered-requests:Cron</c>). Requests that waited long ago raise one alert each.
/// </summary>
public sealed class UnansweredRequestsClusterTests
{
    [Fact]
    public async Task TwoInstancesSharingTheStore_RaiseEachAlertOnce()
    {
        await using var database = new InboxFactory();
        await ((IAsyncLifetime)database).InitializeAsync();
        await using var first = Scheduled(database);
        await using var second = Scheduled(new InboxFactory(database.ConnectionString));
        var ids = new List<Guid>();
        for (var i = 0; i < 5; i++)
        {
            var client = (i % 2 == 0 ? first : second).CreateClient();
            client.DefaultRequestHeaders.Add("X-Forwarded-For", $"198.51.100.{i + 1}");
            var response = await client.PostAsJsonAsync("/public/requests", SampleRequests.Valid($"cluster-{i}@example.fr"));
            Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
            ids.Add((await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid());
        }

        // They came in a month ago and nobody answered: due at the next firing, whichever instance takes it.
        await database.ExecuteAsync($"""
            UPDATE requests SET "AwaitingReplySince" = now() - interval '30 days', "ReceivedAt" = now() - interval '30 days'
            WHERE "Id" IN ({string.Join(", ", ids.Select(id => $"'{id}'"))})
            """);

        Assert.True(await Eventually.TrueAsync(async () => await AlertedAsync(database, ids) == ids.Count, TimeSpan.FromSeconds(40)),
            "The requests were not all alerted.");
        // A few more firings on both instances change nothing.
        await Task.Delay(TimeSpan.FromSeconds(4));

        foreach (var id in ids)
        {
            Assert.Equal(1, await database.CountAsync(
                "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1", typeof(RequestUnanswered).FullName!, id.ToString()));
            Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM scheduled_once WHERE subject_id = @p0 AND kind = @p1", id, UnansweredRequestsJob.ClaimKind));
        }

        Assert.Equal(1, await database.CountAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = @p0", UnansweredRequestsJob.JobName));
    }

    private static Task<long> AlertedAsync(InboxFactory database, List<Guid> ids) => database.CountAsync(
        "SELECT count(DISTINCT payload->>'requestId') FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = ANY(@p1)",
        typeof(RequestUnanswered).FullName!, ids.Select(id => id.ToString()).ToArray());

    private static WebApplicationFactory<Program> Scheduled(InboxFactory factory)
    {
        var host = factory.WithWebHostBuilder(builder => builder
            .UseSetting("Scheduler:Enabled", "true")
            .UseSetting($"Scheduler:Jobs:{UnansweredRequestsJob.JobName}:Cron", "* * * * * ?"));
        _ = host.Services;
        return host;
    }
}
