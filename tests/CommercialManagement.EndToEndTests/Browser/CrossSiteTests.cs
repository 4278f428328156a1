using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using Microsoft.Playwright;

namespace CommercialManagement.EndToEndTests.Browser;

/// <summary>
/// A page on another port of the same host is same-site for a SameSite=Lax cookie: the back office's cookie rides along
/// with its form posts and no-cors fetches. None of them may change anything through the API.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class CrossSiteTests(SystemFixture system)
{
    [Fact]
    public async Task AFormAndANoCorsFetch_FromAnotherPortOfTheHost_WithTheStaffCookie_ChangeNothing()
    {
        var email = $"intersite-{Guid.NewGuid():N}@example.fr";
        var (id, _) = await BoardTests.NewDossierAsync(system, email);
        var staff = await System.RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        await using var session = await BrowserSession.StartAsync(system);
        var agent = await session.NewPageAsync();
        await session.SignInAsync(agent, "agent@valneve-office.test");

        // The agent, still signed in, visits another site of the same host (the destination's website on :5102).
        var elsewhere = await agent.Context.NewPageAsync();
        await elsewhere.GotoAsync(system.App.GetEndpoint(ResourceNames.DemoWebsite, "http").ToString());
        var archive = session.At($"/api/dossiers/{id}/archive");
        var answer = await elsewhere.RunAndWaitForResponseAsync(() => elsewhere.EvaluateAsync(
            "url => { const f = document.createElement('form'); f.method = 'POST'; f.action = url; document.body.appendChild(f); f.submit(); }", archive), archive);
        // The form's answer is a page of its own: once shown, back to the website for the fetch.
        await elsewhere.WaitForURLAsync(archive);
        await elsewhere.GotoAsync(system.App.GetEndpoint(ResourceNames.DemoWebsite, "http").ToString());
        var fetched = await elsewhere.EvaluateAsync<string>(
            "url => fetch(url, { method: 'POST', mode: 'no-cors', credentials: 'include' }).then(() => 'sent', e => 'failed: ' + e)", archive);

        Assert.Equal(401, answer.Status);
        Assert.Equal("sent", fetched);
        var dossier = await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");
        Assert.Equal("New", dossier.GetProperty("status").GetString());
        // The same cookie still reads (the PDF, the CSV export are links) and still works in the back office.
        Assert.Equal(200, (await agent.Context.APIRequest.GetAsync(session.At($"/api/dossiers/{id}"))).Status);
    }
}
