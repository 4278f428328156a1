using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// The payment schedule (issue 17) on a fake clock: the balance asked by itself on its day at 9:00 Paris time, the reminders
/// before and after its due date, the overdue mark and its clearing, the link reminder, the settings that turn them off,
/// and a stay moved. Each step once: the job run again at the same time does nothing.
/// </summary>
public sealed class PaymentScheduleTests(ScheduleFactory factory) : IClassFixture<ScheduleFactory>
{
    private static readonly TimeOnly Nine = new(9, 0);

    [Fact]
    public async Task BalanceRequest_LeavesOnItsDayAtNine_ForWhatRemains_AsStaffWouldAskIt_Once()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, arrival) = await DepositPaidCaseAsync(scenario, arrivalInDays: 60);
        var due = arrival.AddDays(-30);

        await RunAtAsync(due.AddDays(-7), new TimeOnly(8, 59));
        Assert.Empty(Requests(await scenario.LedgerAsync(caseId)));

        await RunAtAsync(due.AddDays(-7), Nine);
        var request = Assert.Single(Requests(await scenario.LedgerAsync(caseId)));
        Assert.Equal(("Balance", 70_000L, "Automatique", "Open"), (request.GetProperty("kind").GetString(), request.GetProperty("amountCents").GetInt64(),
            request.GetProperty("createdBy").GetString(), request.GetProperty("status").GetString()));
        Assert.Equal(ParisTime.At(arrival, TimeOnly.MinValue), request.GetProperty("expiresAt").GetDateTimeOffset());
        var requested = await factory.PublishedAsync<PaymentRequested>(e => e.RequestId == caseId);
        Assert.Equal(("Balance", 70_000L, 30_000L), (requested.Kind, requested.AmountCents, requested.PaidCents));

        Assert.Equal(0, await factory.Job.RunAsync(CancellationToken.None));
        await RunAtAsync(due.AddDays(-6), Nine);
        Assert.Single(Requests(await scenario.LedgerAsync(caseId)));
        Assert.Equal(1, await CountAsync(caseId, "PaymentRequested"));
    }

    [Fact]
    public async Task Reminders_J3_J1_J7_EachOnce_TheOverdueMark_ThenClearedByThePayment()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, arrival) = await DepositPaidCaseAsync(scenario, arrivalInDays: 60);
        var due = arrival.AddDays(-30);
        await RunAtAsync(due.AddDays(-7), Nine);
        var requestId = Assert.Single(Requests(await scenario.LedgerAsync(caseId))).GetProperty("id").GetGuid();

        await RunAtAsync(due.AddDays(-3), Nine);
        var before = await factory.PublishedAsync<PaymentReminderDue>(e => e.RequestId == caseId);
        Assert.Equal((requestId, "BeforeDue", "J-3", due, 70_000L), (before.PaymentRequestId, before.Step, before.Label, before.DueOn, before.AmountCents));
        Assert.Equal(0, await factory.Job.RunAsync(CancellationToken.None));

        // The due day itself: nothing new; the day after: the first overdue reminder, and the mark.
        await RunAtAsync(due, Nine);
        Assert.Equal(1, await CountAsync(caseId, "PaymentReminderDue"));
        await RunAtAsync(due.AddDays(1), Nine);
        await factory.PublishedAsync<PaymentReminderDue>(e => e.RequestId == caseId && e.Step == "FirstOverdue" && e.Label == "J+1");
        var overdue = await factory.PublishedAsync<PaymentOverdue>(e => e.RequestId == caseId);
        Assert.Equal((due, 70_000L), (overdue.DueOn, overdue.RemainingCents));
        Assert.Equal(0, await factory.Job.RunAsync(CancellationToken.None));

        // Down on J+7: the next firing, on J+8, sends the second reminder only.
        await RunAtAsync(due.AddDays(8), new TimeOnly(10, 30));
        await factory.PublishedAsync<PaymentReminderDue>(e => e.RequestId == caseId && e.Step == "SecondOverdue" && e.Label == "J+7");
        Assert.Equal(3, await CountAsync(caseId, "PaymentReminderDue"));
        Assert.Equal(1, await CountAsync(caseId, "PaymentOverdue"));

        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000)).StatusCode);
        await factory.PublishedAsync<PaymentOverdueCleared>(e => e.RequestId == caseId);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"BalanceOverdueOn\" IS NOT NULL", caseId));
        await RunAtAsync(due.AddDays(9), Nine);
        Assert.Equal(3, await CountAsync(caseId, "PaymentReminderDue"));
        Assert.Equal(1, await CountAsync(caseId, "PaymentOverdueCleared"));
    }

    [Fact]
    public async Task Overdue_ThenTheCaseCancelled_TheMarkGoesWithIt()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, arrival) = await DepositPaidCaseAsync(scenario, arrivalInDays: 60);
        await RunAtAsync(arrival.AddDays(-29), Nine);
        await factory.PublishedAsync<PaymentOverdue>(e => e.RequestId == caseId);

        var cancelled = await scenario.Agent.PostAsJsonAsync($"/api/payments/by-request/{caseId}/cancellation", new
        {
            requestedBy = "Customer", reason = "Empêchement", refund = new { method = "BankTransfer", reference = "VIR-REMB-9" },
        });

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        await factory.PublishedAsync<PaymentOverdueCleared>(e => e.RequestId == caseId);
        await RunAtAsync(arrival.AddDays(-28), Nine);
        Assert.Equal((1L, 1L), (await CountAsync(caseId, "PaymentOverdue"), await CountAsync(caseId, "PaymentOverdueCleared")));
    }

    [Fact]
    public async Task SettingsOff_NoAutomaticRequest_NoReminder_TheOverdueMarkStill()
    {
        var scenario = await Scenario.NewAsync(factory, schedule: new ScheduleSettings
        {
            AutomaticBalanceRequest = false, PaymentReminders = false, PaymentLinkReminder = false,
        });
        var (caseId, arrival) = await DepositPaidCaseAsync(scenario, arrivalInDays: 60);
        var due = arrival.AddDays(-30);

        await RunAtAsync(due.AddDays(-7), Nine);
        Assert.Empty(Requests(await scenario.LedgerAsync(caseId)));
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(caseId, "Balance")).StatusCode);
        await RunAtAsync(due.AddDays(-3), Nine);
        await RunAtAsync(due.AddDays(1), Nine);

        Assert.Equal(0, await CountAsync(caseId, "PaymentReminderDue"));
        Assert.Equal(1, await CountAsync(caseId, "PaymentOverdue"));
    }

    [Fact]
    public async Task Deposit_DueWhenItsLinkExpires_J3Reminder_ThenNoLinkReminderTheNextDay()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, _) = await AcceptedCaseAsync(scenario, arrivalInDays: 90);
        var deposit = Assert.Single(Requests(await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))));
        var expiresOn = ParisTime.Day(deposit.GetProperty("expiresAt").GetDateTimeOffset());

        await RunAtAsync(expiresOn.AddDays(-3), Nine);
        var reminder = await factory.PublishedAsync<PaymentReminderDue>(e => e.RequestId == caseId);
        Assert.Equal(("Deposit", "BeforeDue", "J-3", expiresOn), (reminder.Kind, reminder.Step, reminder.Label, reminder.DueOn));
        await RunAtAsync(expiresOn.AddDays(-2), Nine);
        await RunAtAsync(expiresOn.AddDays(1), Nine);
        Assert.Equal(1, await CountAsync(caseId, "PaymentReminderDue"));
    }

    [Fact]
    public async Task LinkReminder_J2BeforeTheLinkExpires_Once()
    {
        var scenario = await Scenario.NewAsync(factory, schedule: new ScheduleSettings { ReminderDaysBeforeDue = 0 });
        var (caseId, _) = await AcceptedCaseAsync(scenario, arrivalInDays: 90);
        var deposit = Assert.Single(Requests(await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))));
        var expiresOn = ParisTime.Day(deposit.GetProperty("expiresAt").GetDateTimeOffset());

        await RunAtAsync(expiresOn.AddDays(-3), Nine);
        Assert.Equal(0, await CountAsync(caseId, "PaymentReminderDue"));
        await RunAtAsync(expiresOn.AddDays(-2), Nine);
        var reminder = await factory.PublishedAsync<PaymentReminderDue>(e => e.RequestId == caseId);
        Assert.Equal(("LinkExpiry", "J-2", expiresOn, deposit.GetProperty("id").GetGuid()), (reminder.Step, reminder.Label, reminder.DueOn, reminder.PaymentRequestId));
        Assert.Equal(0, await factory.Job.RunAsync(CancellationToken.None));
        await RunAtAsync(expiresOn.AddDays(-1), Nine);
        Assert.Equal(1, await CountAsync(caseId, "PaymentReminderDue"));
    }

    [Fact]
    public async Task StayMoved_TheOpenRequestIsWithdrawn_AndTheBalanceAskedAgainForItsNewDate()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, arrival) = await DepositPaidCaseAsync(scenario, arrivalInDays: 60);
        var due = arrival.AddDays(-30);
        await RunAtAsync(due.AddDays(-7), Nine);
        Assert.Single(Requests(await scenario.LedgerAsync(caseId)));

        var later = arrival.AddDays(10);
        await scenario.PublishAsync(new StayChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId, Arrival = later, Departure = later.AddDays(7),
            Adults = 2, ChildrenAges = [], StaffId = Guid.NewGuid(), StaffName = "Agent de test",
        });
        Assert.True(await Eventually.TrueAsync(
            async () => Requests(await scenario.LedgerAsync(caseId)).Single().GetProperty("status").GetString() == "Cancelled", TimeSpan.FromSeconds(20)));

        await RunAtAsync(due.AddDays(-6), Nine);
        Assert.Single(Requests(await scenario.LedgerAsync(caseId)));
        await RunAtAsync(due.AddDays(3), Nine);
        var requests = Requests(await scenario.LedgerAsync(caseId));
        Assert.Equal(2, requests.Count);
        Assert.Equal(("Open", "Automatique"), (requests[1].GetProperty("status").GetString(), requests[1].GetProperty("createdBy").GetString()));
        Assert.Equal(ParisTime.At(later, TimeOnly.MinValue), requests[1].GetProperty("expiresAt").GetDateTimeOffset());
    }

    /// <summary>A case arriving in <paramref name="arrivalInDays"/> days, its quote of 1 000,00 € accepted now.</summary>
    internal static async Task<(Guid CaseId, DateOnly Arrival)> AcceptedCaseAsync(Scenario scenario, ServiceFactory<Program> factory, int arrivalInDays)
    {
        var caseId = Guid.CreateVersion7();
        var received = scenario.Request(caseId, arrivalInDays);
        await scenario.PublishAsync(received);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM cases WHERE \"Id\" = @p0 AND \"Arrival\" IS NOT NULL", caseId) == 1, TimeSpan.FromSeconds(20)));
        var accepted = scenario.Accepted(caseId, 100_000);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);
        return (caseId, received.Arrival!.Value);
    }

    private Task<(Guid CaseId, DateOnly Arrival)> AcceptedCaseAsync(Scenario scenario, int arrivalInDays) => AcceptedCaseAsync(scenario, factory, arrivalInDays);

    /// <summary>The same, its 30 % deposit received by transfer.</summary>
    private async Task<(Guid CaseId, DateOnly Arrival)> DepositPaidCaseAsync(Scenario scenario, int arrivalInDays)
    {
        var (caseId, arrival) = await AcceptedCaseAsync(scenario, arrivalInDays);
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000)).StatusCode);
        return (caseId, arrival);
    }

    private async Task RunAtAsync(DateOnly day, TimeOnly time)
    {
        factory.Clock.AdjustTime(ParisTime.At(day, time));
        _ = await factory.Job.RunAsync(CancellationToken.None);
    }

    private static List<JsonElement> Requests(JsonElement ledger) => [.. ledger.GetProperty("requests").EnumerateArray()];

    /// <summary>The case's events of a type saved in the outbox (each once, whatever the bus did with them).</summary>
    private Task<long> CountAsync(Guid caseId, string type) => factory.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' = @p0 AND message_type LIKE '%.' || @p1", caseId.ToString(), type);
}
