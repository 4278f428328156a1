using System.Net;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.TestKit;
using Microsoft.Extensions.Time.Testing;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// The payment schedule as it runs: two instances of the service, their Quartz schedulers on the same store, each firing it
/// every second for a while; the automatic balance request and the reminder happen once, whatever instance and firing did them.
/// </summary>
public sealed class PaymentScheduleClusterTests
{
    [Fact]
    public async Task TwoInstancesFiringEverySecond_AskTheBalanceOnce_AndRemindOnce()
    {
        await using var database = new ScheduleFactory();
        await ((IAsyncLifetime)database).InitializeAsync();
        var scenario = await Scenario.NewAsync(database);

        // A case whose deposit is paid, arriving in 41 days: its balance is due in 11 days, asked in 4. Another whose deposit
        // request (valid 7 days) is open: its J-3 is in 4 days too.
        var (balanceCase, arrival) = await PaymentScheduleTests.AcceptedCaseAsync(scenario, database, arrivalInDays: 41);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(balanceCase, 30_000)).StatusCode);
        var (depositCase, _) = await PaymentScheduleTests.AcceptedCaseAsync(scenario, database, arrivalInDays: 90);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(depositCase, "Deposit")).StatusCode);

        // Both instances' job clock: that day, at 10:00 Paris time.
        var clock = new FakeTimeProvider(ParisTime.At(arrival.AddDays(-37), new TimeOnly(10, 0)));
        await using var first = new ScheduleFactory(database.ConnectionString, runsScheduler: true, clock);
        await using var second = new ScheduleFactory(database.ConnectionString, runsScheduler: true, clock);
        _ = first.Services;
        _ = second.Services;

        Assert.True(await Eventually.TrueAsync(
            async () => await AutomaticRequestsAsync(database, balanceCase) >= 1 && await RemindersAsync(database, depositCase) >= 1, TimeSpan.FromSeconds(40)),
            "The schedule did not ask the balance and remind the deposit.");
        // A dozen more firings between the two instances.
        await Task.Delay(TimeSpan.FromSeconds(6));
        await first.DisposeAsync();
        await second.DisposeAsync();

        Assert.Equal(1, await AutomaticRequestsAsync(database, balanceCase));
        Assert.Equal(1, await database.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND message_type LIKE '%.PaymentRequested'", balanceCase.ToString()));
        Assert.Equal(1, await RemindersAsync(database, depositCase));
        Assert.Equal(0, await RemindersAsync(database, balanceCase));
    }

    private static Task<long> AutomaticRequestsAsync(ScheduleFactory database, Guid caseId) =>
        database.CountAsync("SELECT count(*) FROM payment_requests WHERE \"RequestId\" = @p0 AND \"CreatedBy\" = 'Automatique'", caseId);

    private static Task<long> RemindersAsync(ScheduleFactory database, Guid caseId) => database.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND message_type LIKE '%.PaymentReminderDue'", caseId.ToString());
}
