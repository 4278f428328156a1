using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Quote.Api.Scheduling;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// The Quote service's jobs as they really fire (issue 17): two instances of the service share one database and its
/// Quartz store, each job fires every second on both, and what is due happens once.
/// </summary>
public sealed class QuoteSchedulerClusterTests
{
    [Fact]
    public async Task QuoteExpiry_OnTwoInstances_ExpiresTheQuoteOnce()
    {
        await using var data = new QuoteFactory();
        await ((IAsyncLifetime)data).InitializeAsync();
        var scenario = await Scenario.NewAsync(data);
        var (_, quoteId, chalet) = await QuoteExpiryJobTests.SentAsync(scenario);
        // Quartz reads the host's TimeProvider too: the scheduled hosts run on the real clock, past the quote's 27 November 2026.
        var late = TimeProvider.System;

        await using var first = Scheduled(new QuoteFactory(data.ConnectionString), QuoteExpiry.JobName, late);
        await using var second = Scheduled(new QuoteFactory(data.ConnectionString), QuoteExpiry.JobName, late);
        _ = first.Services;
        _ = second.Services;

        Assert.True(await Eventually.TrueAsync(async () => await QuoteExpiryJobTests.ExpiredEventsAsync(data, quoteId) >= 1, TimeSpan.FromSeconds(40)),
            $"The quote did not expire: triggers {await data.CountAsync("SELECT count(*) FROM qrtz_triggers WHERE trigger_name = 'quote-expiry'")}, " +
            $"fired {await data.CountAsync("SELECT count(*) FROM qrtz_fired_triggers")}, sent {await data.CountAsync("SELECT count(*) FROM quotes WHERE \"State\" = 'Sent'")}, " +
            $"once {await data.CountAsync("SELECT count(*) FROM scheduled_once")}, next {await data.CountAsync("SELECT coalesce(max(next_fire_time), 0) FROM qrtz_triggers WHERE trigger_name = 'quote-expiry'")}.");
        // Both instances go on firing every second: nothing more happens.
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await QuoteExpiryJobTests.ExpiredEventsAsync(data, quoteId));
        Assert.Equal(0, await QuoteExpiryJobTests.HeldAsync(data, chalet));
        Assert.Equal(1, await data.CountAsync("SELECT count(*) FROM scheduled_once WHERE subject_id = @p0", quoteId));
    }

    [Fact]
    public async Task QuoteFollowUp_OnTwoInstances_IsPublishedOnce()
    {
        await using var data = new QuoteFactory();
        await ((IAsyncLifetime)data).InitializeAsync();
        var scenario = await Scenario.NewAsync(data);
        var (_, quoteId, _) = await QuoteExpiryJobTests.SentAsync(scenario);
        // On the real clock (Quartz's): sent two days ago, its last day tomorrow in Paris.
        var tomorrow = BuildingBlocks.Locale.ParisTime.Today(TimeProvider.System).AddDays(1);
        await data.ExecuteAsync(
            $"UPDATE quotes SET \"ValidUntil\" = '{tomorrow:yyyy-MM-dd}', \"SentAt\" = now() - interval '2 days' WHERE \"Id\" = '{quoteId}'");

        await using var first = Scheduled(new QuoteFactory(data.ConnectionString), QuoteFollowUp.JobName, TimeProvider.System);
        await using var second = Scheduled(new QuoteFactory(data.ConnectionString), QuoteFollowUp.JobName, TimeProvider.System);
        _ = first.Services;
        _ = second.Services;

        Assert.True(await Eventually.TrueAsync(async () => await QuoteFollowUpJobTests.FollowUpsAsync(data, quoteId) >= 1, TimeSpan.FromSeconds(40)),
            "The follow-up was not published.");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await QuoteFollowUpJobTests.FollowUpsAsync(data, quoteId));
    }

    [Fact]
    public async Task DraftHoldRelease_OnTwoInstances_ReleasesTheDraftOnce()
    {
        await using var data = new QuoteFactory();
        await ((IAsyncLifetime)data).InitializeAsync();
        var scenario = await Scenario.NewAsync(data);
        var (_, quoteId, chalet) = await DraftHoldReleaseJobTests.DraftAsync(scenario);
        // On the real clock (Quartz's): unchanged for ten days.
        await data.ExecuteAsync($"UPDATE quotes SET \"UpdatedAt\" = now() - interval '10 days' WHERE \"Id\" = '{quoteId}'");

        await using var first = Scheduled(new QuoteFactory(data.ConnectionString), DraftHoldRelease.JobName, TimeProvider.System);
        await using var second = Scheduled(new QuoteFactory(data.ConnectionString), DraftHoldRelease.JobName, TimeProvider.System);
        _ = first.Services;
        _ = second.Services;

        Assert.True(await Eventually.TrueAsync(async () => await DraftHoldReleaseJobTests.ReleasedEventsAsync(data, quoteId) >= 1, TimeSpan.FromSeconds(40)),
            "The draft did not give its places back.");
        await Task.Delay(TimeSpan.FromSeconds(4));
        Assert.Equal(1, await DraftHoldReleaseJobTests.ReleasedEventsAsync(data, quoteId));
        Assert.Equal(0, await QuoteExpiryJobTests.HeldAsync(data, chalet));
    }

    /// <summary>
    /// A host on the shared database whose scheduler runs <paramref name="job"/> every second on <paramref name="clock"/>. Quartz
    /// reads that TimeProvider as well as the jobs: a clock far from the real one keeps the triggers (stored in real time) from firing.
    /// </summary>
    internal static WebApplicationFactory<Program> Scheduled(QuoteFactory factory, string job, TimeProvider clock) =>
        factory.WithWebHostBuilder(builder => builder
            .UseSetting(SchedulerExtensions.EnabledSetting, "true")
            .UseSetting($"Scheduler:Jobs:{job}:Cron", "* * * * * ?")
            .ConfigureTestServices(services => services.AddSingleton(clock)));
}
