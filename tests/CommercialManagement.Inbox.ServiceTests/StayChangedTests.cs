using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>The stay changed on the dossier is the one the requests list and the conversation show.</summary>
public sealed class StayChangedTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static readonly Guid Office = new("0b5e7a10-0000-4000-8000-000000000001");

    private StayChanged Change(Guid id, DateOnly arrival, int adults, DateTimeOffset at) => new()
    {
        OrganisationId = Office, OccurredAt = at, RequestId = id, Arrival = arrival, Departure = arrival.AddDays(7), Adults = adults, ChildrenAges = [4],
        StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
    };

    [Fact]
    public async Task StayChanged_ReplacesTheStay_AndAnOlderChangeArrivingLateChangesNothing()
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", SampleRequests.Valid("sejour-modifie@example.fr"));
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var now = DateTimeOffset.UtcNow;
        var newer = Change(id, new DateOnly(2027, 3, 6), adults: 3, now);
        var older = Change(id, new DateOnly(2027, 1, 9), adults: 1, now.AddMinutes(-5));

        await factory.Harness.Bus.Publish(newer);
        await factory.Harness.Bus.Publish(older);
        await factory.Harness.Bus.Publish(newer);

        var staff = factory.CreateStaffClient(Office);
        JsonElement request = default;
        Assert.True(await Eventually.TrueAsync(async () =>
        {
            request = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("request");
            return request.GetProperty("arrival").GetString() == "2027-03-06";
        }, TimeSpan.FromSeconds(20)), "The new stay never reached the request.");
        Assert.True(await Eventually.TrueAsync(async () => await factory.Harness.Consumed.Any<StayChanged>(m => m.Context.Message.Adults == 1), TimeSpan.FromSeconds(20)));

        request = (await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}")).GetProperty("request");
        Assert.Equal("2027-03-13", request.GetProperty("departure").GetString());
        Assert.Equal(3, request.GetProperty("adults").GetInt32());
    }
}
