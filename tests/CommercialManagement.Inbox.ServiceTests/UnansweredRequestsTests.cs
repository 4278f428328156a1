using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Features.Unanswered;
using CommercialManagement.TestKit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// « unanswered-requests » (issue 17) on a fake clock: a customer message unanswered for the organisation's working hours
/// publishes one <see cref="RequestUnanswered"/>, whatever the passes; a staff answer or the dossier archived stops the
/// clock; the setting turns it off or changes it; « Demandes » filters what waits. A database of its own per test.
/// </summary>
public sealed class UnansweredRequestsTests : IAsyncLifetime
{
    private static readonly Guid Office = new("0b5e7a10-0000-4000-8000-000000000001");

    /// <summary>Monday 9:00 Paris time of the first two weeks after today without a public holiday.</summary>
    private static readonly DateTimeOffset Monday = QuietMonday();

    private readonly InboxFactory _database = new();
    private readonly FakeTimeProvider _clock = new(Monday);
    private WebApplicationFactory<Program> _host = null!;

    public async Task InitializeAsync()
    {
        await ((IAsyncLifetime)_database).InitializeAsync();
        _host = _database.WithWebHostBuilder(builder => builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(_clock)));
        _ = _host.Services;
    }

    public async Task DisposeAsync()
    {
        await _host.DisposeAsync();
        await _database.DisposeAsync();
    }

    [Fact]
    public async Task AWebRequestUnansweredFor24WorkingHours_AlertsOnce_TheAdminsWhenNobodyIsAssigned()
    {
        var id = await WebRequestAsync("unanswered@example.fr");
        _clock.SetUtcNow(At(0, 10));
        await (await StaffClient().PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "À rappeler", @internal = true })).EnsureAndReturnAsync();

        // Monday 9:00 + 24 working hours = Wednesday 15:00 (9 + 9 + 6); a note does not answer the customer.
        _clock.SetUtcNow(At(2, 14, 59));
        await RunAsync();
        Assert.Equal(0, await AlertsAsync(id));

        _clock.SetUtcNow(At(2, 15));
        await RunAsync();
        await RunAsync();

        Assert.Equal(1, await AlertsAsync(id));
        var alert = await AlertAsync(id);
        Assert.Equal(JsonValueKind.Null, alert.GetProperty("assigneeId").ValueKind);
        Assert.Equal(id, alert.GetProperty("messageId").GetGuid());
        Assert.Equal(24, alert.GetProperty("workingHours").GetInt32());
        Assert.Equal("Élodie Martin", alert.GetProperty("customerName").GetString());
        Assert.Equal(Monday, alert.GetProperty("waitingSince").GetDateTimeOffset());
        Assert.Equal(1, await _database.CountAsync("SELECT count(*) FROM scheduled_once WHERE subject_id = @p0 AND kind = 'unanswered'", id));

        // Days later, still unanswered: no second alert for the same message.
        _clock.SetUtcNow(At(7, 12));
        await RunAsync();
        Assert.Equal(1, await AlertsAsync(id));
    }

    [Fact]
    public async Task AStaffAnswer_StopsTheClock_TheNextCustomerMessageStartsIt_AndTheAssigneeIsAlerted()
    {
        var id = await WebRequestAsync("answered@example.fr");
        var assignee = await KnownStaffAsync("Paul");
        var staff = StaffClient();
        await (await staff.PutAsJsonAsync($"/api/requests/{id}/assignee", new { assigneeId = assignee })).EnsureAndReturnAsync();
        _clock.SetUtcNow(At(0, 10));
        await (await staff.PostAsJsonAsync($"/api/requests/{id}/messages", new { body = "Bonjour, le chalet est libre.", @internal = false })).EnsureAndReturnAsync();

        _clock.SetUtcNow(At(2, 15));
        await RunAsync();
        Assert.Equal(0, await AlertsAsync(id));

        // The customer writes on Wednesday at 15:00, then again on Friday at 12:00: the clock runs from the first one.
        var token = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("customerSpaceToken").GetString();
        var first = await CustomerWritesAsync(token!, "Et pour un chien ?");
        _clock.SetUtcNow(At(4, 12));
        await CustomerWritesAsync(token!, "Vous m'avez oublié ?");
        await RunAsync();
        Assert.Equal(0, await AlertsAsync(id));

        // Wednesday 3 h, Thursday 9 h, Friday 9 h, next Monday 3 h: 24 working hours on Monday at 12:00.
        _clock.SetUtcNow(At(7, 11, 59));
        await RunAsync();
        Assert.Equal(0, await AlertsAsync(id));
        _clock.SetUtcNow(At(7, 12));
        await RunAsync();
        await RunAsync();

        Assert.Equal(1, await AlertsAsync(id));
        var alert = await AlertAsync(id);
        Assert.Equal(assignee, alert.GetProperty("assigneeId").GetGuid());
        Assert.Equal(first, alert.GetProperty("messageId").GetGuid());
        Assert.Equal(At(2, 15), alert.GetProperty("waitingSince").GetDateTimeOffset());
    }

    [Fact]
    public async Task TheOrganisationsSetting_TurnsTheAlertOff_OrChangesItsDelay()
    {
        var id = await WebRequestAsync("setting@example.fr");
        await OrganisationSettingAsync(0, Monday);

        _clock.SetUtcNow(At(4, 18));
        await RunAsync();
        Assert.Equal(0, await AlertsAsync(id));

        await OrganisationSettingAsync(8, Monday.AddMinutes(1));
        await RunAsync();

        Assert.Equal(1, await AlertsAsync(id));
        Assert.Equal(8, (await AlertAsync(id)).GetProperty("workingHours").GetInt32());
    }

    [Fact]
    public async Task AnArchivedDossier_StopsTheClock()
    {
        var id = await WebRequestAsync("archived@example.fr");
        await _host.Services.GetTestHarness().Bus.Publish(new DossierChanged { OrganisationId = Office, OccurredAt = At(0, 11), RequestId = id, Status = "Archived" });
        Assert.True(await Eventually.TrueAsync(
            async () => await _database.CountAsync("SELECT count(*) FROM requests WHERE \"Id\" = @p0 AND \"AwaitingReplySince\" IS NULL", id) == 1,
            TimeSpan.FromSeconds(20)), "The archived dossier's request still waits.");

        _clock.SetUtcNow(At(7, 18));
        await RunAsync();

        Assert.Equal(0, await AlertsAsync(id));
    }

    [Fact]
    public async Task AwaitingFilter_ListsWhatWaits_LongestFirst_WithTheWorkingHoursWaited_AndNotAPhoneRequest()
    {
        var older = await WebRequestAsync("older@example.fr");
        _clock.SetUtcNow(At(0, 14));
        var newer = await WebRequestAsync("newer@example.fr");
        var answered = await WebRequestAsync("answered-list@example.fr");
        var staff = StaffClient();
        var phone = (await (await staff.PostAsJsonAsync("/api/requests", new { name = "Marc Lefèvre", email = "marc@example.fr", arrival = "2027-03-06", departure = "2027-03-13", adults = 2 }))
            .EnsureAndReturnAsync()).GetProperty("id").GetGuid();
        await (await staff.PostAsJsonAsync($"/api/requests/{answered}/messages", new { body = "C'est noté.", @internal = false })).EnsureAndReturnAsync();

        _clock.SetUtcNow(At(1, 10));
        var page = await staff.GetFromJsonAsync<JsonElement>("/api/requests?filter=awaiting&pageSize=100");

        var items = page.GetProperty("items").EnumerateArray().ToList();
        var ids = items.Select(i => i.GetProperty("id").GetGuid()).ToList();
        Assert.DoesNotContain(answered, ids);
        Assert.DoesNotContain(phone, ids);
        Assert.True(ids.IndexOf(older) >= 0 && ids.IndexOf(older) < ids.IndexOf(newer), "The longest wait is not first.");
        // Monday 9:00 to Tuesday 10:00: 9 + 1 working hours; Monday 14:00 to Tuesday 10:00: 4 + 1.
        Assert.Equal(10, items.Single(i => i.GetProperty("id").GetGuid() == older).GetProperty("waitingWorkingHours").GetDouble());
        Assert.Equal(5, items.Single(i => i.GetProperty("id").GetGuid() == newer).GetProperty("waitingWorkingHours").GetDouble());
        Assert.Equal(Monday, items.Single(i => i.GetProperty("id").GetGuid() == older).GetProperty("awaitingReplySince").GetDateTimeOffset());
        Assert.Equal(ids.Count, page.GetProperty("awaitingTotal").GetInt32());
        var all = await staff.GetFromJsonAsync<JsonElement>("/api/requests?pageSize=100");
        var answeredRow = all.GetProperty("items").EnumerateArray().Single(i => i.GetProperty("id").GetGuid() == answered);
        Assert.Equal(JsonValueKind.Null, answeredRow.GetProperty("waitingWorkingHours").ValueKind);
    }

    private static DateTimeOffset QuietMonday()
    {
        var day = ParisTime.Today(TimeProvider.System).AddDays(1);
        while (day.DayOfWeek != DayOfWeek.Monday || Enumerable.Range(0, 12).Any(d => d % 7 < 5 && !WorkingHours.IsWorkingDay(day.AddDays(d))))
        {
            day = day.AddDays(1);
        }

        return ParisTime.At(day, new TimeOnly(9, 0));
    }

    /// <summary>Paris wall-clock time, <paramref name="days"/> after <see cref="Monday"/>.</summary>
    private static DateTimeOffset At(int days, int hour, int minute = 0) =>
        ParisTime.At(ParisTime.Day(Monday).AddDays(days), new TimeOnly(hour, minute));

    private async Task<int> RunAsync()
    {
        await using var scope = _host.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<UnansweredRequestsJob>().RunAsync(CancellationToken.None);
    }

    private Task<long> AlertsAsync(Guid id) => _database.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1", typeof(RequestUnanswered).FullName!, id.ToString());

    private async Task<JsonElement> AlertAsync(Guid id) => JsonDocument.Parse(await _database.ScalarTextAsync(
        "SELECT payload::text FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1", typeof(RequestUnanswered).FullName!, id.ToString())).RootElement;

    /// <summary>A staff client whose token holds from now until well after the fake clock's last move.</summary>
    private HttpClient StaffClient()
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", _database.Tokens.Issue(Office, lifetime: TimeSpan.FromDays(60)));
        return client;
    }

    private async Task<Guid> WebRequestAsync(string email)
    {
        var client = _host.CreateClient();
        client.DefaultRequestHeaders.Add("X-Forwarded-For", $"203.0.113.{Random.Shared.Next(1, 250)}");
        var response = await client.PostAsJsonAsync("/public/requests", SampleRequests.Valid(email));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> CustomerWritesAsync(string token, string body)
    {
        var response = await _host.CreateClient().PostAsJsonAsync($"/public/spaces/{token}/messages", new { body });
        return (await response.EnsureAndReturnAsync()).GetProperty("id").GetGuid();
    }

    private async Task<Guid> KnownStaffAsync(string name)
    {
        var staffId = Guid.CreateVersion7();
        await _host.Services.GetTestHarness().Bus.Publish(new StaffMemberChanged
        {
            OrganisationId = Office, OccurredAt = DateTimeOffset.UtcNow, StaffId = staffId, Name = name, Email = $"{staffId:N}@example.fr", Role = "Agent", Active = true,
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await _database.CountAsync("SELECT count(*) FROM staff_members WHERE \"StaffId\" = @p0", staffId) == 1, TimeSpan.FromSeconds(20)),
            $"Inbox never kept the staff member {name}.");
        return staffId;
    }

    private async Task OrganisationSettingAsync(int workingHours, DateTimeOffset at)
    {
        await _host.Services.GetTestHarness().Bus.Publish(new OrganisationChanged
        {
            OrganisationId = Office, OccurredAt = at, Name = "Val Nevé", Kind = "BookingOffice", Address = "Val Nevé", ContactEmail = "contact@example.fr",
            DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 15, QuoteNumberPrefix = "DEV", TermsOfSale = "",
            EmailSenderName = "Val Nevé", Schedule = new ScheduleSettings { UnansweredAlertWorkingHours = workingHours },
        });
        Assert.True(await Eventually.TrueAsync(
            async () => await _database.CountAsync(
                "SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND (\"Schedule\"->>'unansweredAlertWorkingHours')::int = @p1", Office, workingHours) == 1,
            TimeSpan.FromSeconds(20)), "Inbox never kept the organisation's setting.");
    }
}

internal static class ResponseAssertions
{
    /// <summary>The response's JSON, after checking it succeeded (its body in the failure otherwise).</summary>
    public static async Task<JsonElement> EnsureAndReturnAsync(this HttpResponseMessage response)
    {
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {text}");
        return string.IsNullOrEmpty(text) ? default : JsonDocument.Parse(text).RootElement;
    }
}
