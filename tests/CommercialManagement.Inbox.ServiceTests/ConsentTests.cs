using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Demo;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The consent beside each request (issue 19): the words the form showed, in the customer's language, and when it was
/// given; nothing for a request typed in after a phone call.
/// </summary>
public sealed class ConsentTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    [Theory]
    [InlineData("fr", "J'accepte d'être recontacté(e) au sujet de ma demande.")]
    [InlineData("en", "I agree to be contacted about my request.")]
    public async Task AWebRequest_KeepsTheConsentTheFormShowed_AndWhen(string language, string words)
    {
        var before = DateTimeOffset.UtcNow.AddSeconds(-5);
        var response = await factory.CreateClient().PostAsJsonAsync("/public/requests", new
        {
            siteKey = DemoOrganisations.ValNeveOfficeSiteKey, name = "Nina Consent", email = $"{Guid.NewGuid():N}@example.fr", adults = 2, consent = true, language,
        });
        Assert.Equal(HttpStatusCode.Accepted, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var detail = await factory.CreateStaffClient(DemoOrganisations.ValNeveOffice).GetFromJsonAsync<JsonElement>($"/api/requests/{id}");

        Assert.Equal(words, detail.GetProperty("consentText").GetString());
        Assert.InRange(detail.GetProperty("consentAt").GetDateTimeOffset(), before, DateTimeOffset.UtcNow.AddSeconds(5));
        // The form snippet shows these very words: the stored text is what the customer read.
        Assert.Contains(words, await factory.CreateClient().GetStringAsync("/public/form.js"));
    }

    [Fact]
    public async Task APhoneRequest_HasNoOnlineConsent()
    {
        var staff = factory.CreateStaffClient(DemoOrganisations.ValNeveOffice);
        var response = await staff.PostAsJsonAsync("/api/requests", new { name = "Paul Téléphone", email = $"{Guid.NewGuid():N}@example.fr", adults = 2 });
        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();

        var detail = await staff.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");

        Assert.Equal(JsonValueKind.Null, detail.GetProperty("consentText").ValueKind);
        Assert.Equal(JsonValueKind.Null, detail.GetProperty("consentAt").ValueKind);
    }
}
