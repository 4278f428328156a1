using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// Inbox's part of an erasure: the customer's requests, conversations and secrets in the organisation that asked, nothing
/// of another organisation, nothing more on a second delivery.
/// </summary>
public sealed class CustomerErasureTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private async Task<Guid> WebRequestAsync(string siteKey, string name, string email, string phone)
    {
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", new
        {
            siteKey, name, email, phone, arrival = "2027-02-13", departure = "2027-02-20", adults = 2, childrenAges = new[] { 8 },
            message = $"Bonjour, je suis {name}, joignable au {phone}.", consent = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        return (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
    }

    private async Task<int> EraseAsync(Guid organisationId, Guid erasureId, string email, params Guid[] requestIds)
    {
        var messageId = Guid.NewGuid();
        await factory.Harness.Bus.Publish(
            new CustomerErasureRequested
            {
                OrganisationId = organisationId, OccurredAt = DateTimeOffset.UtcNow, ErasureId = erasureId, CustomerEmail = email, RequestIds = requestIds,
                RequestedBy = "Claire Admin",
            },
            c => c.MessageId = messageId);
        await factory.HandledAsync(messageId);
        return (await factory.PublishedAsync<CustomerErased>(e => e.ErasureId == erasureId && e.Service == "inbox")).RowsChanged;
    }

    [Fact]
    public async Task AnErasure_LeavesNothingOfTheCustomerInTheOrganisation_KillsTheSpaceLink_AndSparesAnotherOrganisation()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Apolline Verdier{unique}";
        var email = $"apolline.{unique}@example.fr";
        // Digits only: a phone with letters would be refused by the form (the hex of the unique part is not a phone).
        var digits = Random.Shared.Next(10_000_000, 100_000_000).ToString(System.Globalization.CultureInfo.InvariantCulture);
        var phone = $"+33 6 {digits[..2]} {digits[2..4]} {digits[4..6]} {digits[6..]}";
        var mine = await WebRequestAsync(DemoOrganisations.ValNeveOfficeSiteKey, name, email, phone);
        var second = await WebRequestAsync(DemoOrganisations.ValNeveOfficeSiteKey, name, email.ToUpperInvariant(), phone);
        var theirs = await WebRequestAsync(DemoOrganisations.EsfValNeveSiteKey, "Autre Client", email, "+33 7 00 00 00 00");
        var staff = factory.CreateStaffClient(DemoOrganisations.ValNeveOffice);
        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{mine}");
        var token = detail.GetProperty("customerSpaceToken").GetString()!;
        var storedPhone = detail.GetProperty("request").GetProperty("customerPhone").GetString()!;
        Assert.Equal(HttpStatusCode.Created, (await factory.CreateClient().PostAsJsonAsync($"/public/spaces/{token}/messages", new { body = $"C'est encore {name}." })).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await staff.PostAsJsonAsync($"/api/requests/{mine}/messages", new { body = $"Bonjour {name}, c'est noté.", @internal = false })).StatusCode);

        var changed = await EraseAsync(DemoOrganisations.ValNeveOffice, Guid.NewGuid(), email, mine);

        Assert.True(changed > 0);
        foreach (var id in new[] { mine, second })
        {
            var erased = await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
            Assert.Equal("Client effacé", erased.GetProperty("request").GetProperty("customerName").GetString());
            Assert.Equal(ErasedCustomer.Email, erased.GetProperty("request").GetProperty("customerEmail").GetString());
            Assert.Equal(JsonValueKind.Null, erased.GetProperty("request").GetProperty("customerPhone").ValueKind);
            Assert.All(erased.GetProperty("conversation").EnumerateArray(), e => Assert.Equal("", e.GetProperty("body").GetString()));
        }

        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateClient().GetAsync($"/public/spaces/{token}")).StatusCode);
        Assert.Empty(await PersonalDataSearch.FindAsync(factory.ConnectionString, name, storedPhone, phone));
        // Only the other organisation's request still holds the address: searching it in Val Nevé finds nothing.
        var search = await staff.GetFromJsonAsync<JsonElement>($"/api/requests?search={Uri.EscapeDataString(email)}");
        Assert.Equal(0, search.GetProperty("total").GetInt32());
        var esf = await factory.CreateStaffClient(DemoOrganisations.EsfValNeve).GetFromJsonAsync<JsonElement>($"/api/requests/{theirs}");
        Assert.Equal("Autre Client", esf.GetProperty("request").GetProperty("customerName").GetString());
        Assert.Equal(email, esf.GetProperty("request").GetProperty("customerEmail").GetString());
        Assert.NotEqual("", esf.GetProperty("conversation")[0].GetProperty("body").GetString());

        // The same erasure asked again (a new message) finds nothing left to change.
        Assert.Equal(0, await EraseAsync(DemoOrganisations.ValNeveOffice, Guid.NewGuid(), email, mine, second));
    }
}
