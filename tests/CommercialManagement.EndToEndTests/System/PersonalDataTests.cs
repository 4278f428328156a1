using System.IO.Compression;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>
/// Personal data on the real system (issue 19): a customer with a unique name, email and phone goes from the public
/// form to a paid deposit (so an issued deposit invoice), the Admin exports the archive, then erases the customer
/// through the gateway. Every text, varchar, jsonb and bytea column of every table of every database is then searched:
/// only the invoices keep the name (and address), as the law requires, and the customer-space link is dead (« lien expiré »).
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class PersonalDataTests(SystemFixture system)
{
    private static readonly string[] Databases =
        [ResourceNames.InboxDb, ResourceNames.DossierDb, ResourceNames.QuoteDb, ResourceNames.PaymentDb, ResourceNames.NotificationDb, ResourceNames.IdentityDb];

    [Fact]
    public async Task AnErasedCustomer_IsFoundNowhereButOnTheInvoices_AndTheSpaceLinkIsDead()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var name = $"Gaspard Oubli{unique}";
        var email = $"oubli-{unique}@example.fr";
        var phone = $"+33 6 {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)} {Random.Shared.Next(10, 99)}";
        var posted = await system.Gateway().PostAsJsonAsync("/public/requests", new
        {
            siteKey = "valneve-office-demo", name, email, phone, arrival = "2027-02-13", departure = "2027-02-20", adults = 2,
            childrenAges = new[] { 8 }, message = $"Bonjour, ici {name}, joignable au {phone}.", consent = true,
        });
        Assert.Equal(HttpStatusCode.Accepted, posted.StatusCode);
        var id = (await posted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        var agent = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        var detail = await agent.GetFromJsonAsync<JsonElement>($"/api/requests/{id}");
        var token = detail.GetProperty("customerSpaceToken").GetString()!;
        var storedPhone = detail.GetProperty("request").GetProperty("customerPhone").GetString()!;
        await AcceptedAndDepositPaidAsync(agent, id, name, email);

        var admin = await RequestToCaseTests.StaffClientAsync(system, "admin@valneve-office.test");
        var archive = await admin.GetAsync($"/api/personal-data/archive?email={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, archive.StatusCode);
        using (var zip = new ZipArchive(await archive.Content.ReadAsStreamAsync()))
        {
            var names = zip.Entries.Select(e => e.FullName).ToList();
            Assert.Contains("LISEZMOI.txt", names);
            Assert.All(new[] { "inbox", "dossier", "quote", "payment", "notification" }, s => Assert.Contains($"{s}.json", names));
            Assert.Contains(names, n => n.StartsWith("payment/factures/", StringComparison.Ordinal) && n.EndsWith(".pdf", StringComparison.Ordinal));
            using var inbox = new StreamReader(zip.GetEntry("inbox.json")!.Open());
            Assert.Contains(name, await inbox.ReadToEndAsync(), StringComparison.Ordinal);
        }

        var erase = await admin.PostAsJsonAsync("/api/personal-data/erasures", new { email });
        Assert.True(erase.StatusCode == HttpStatusCode.Accepted, await erase.Content.ReadAsStringAsync());
        var erasure = erase.Headers.Location!.OriginalString;
        Assert.True(await Eventually.TrueAsync(
            async () => (await admin.GetFromJsonAsync<JsonElement>(erasure)).GetProperty("completedAt").ValueKind == JsonValueKind.String,
            TimeSpan.FromSeconds(90)), "Not every service answered the erasure.");

        var found = new List<string>();
        foreach (var database in Databases)
        {
            var connectionString = (await system.App.GetConnectionStringAsync(database))!;
            found.AddRange((await PersonalDataSearch.FindAsync(connectionString, name, email, phone, storedPhone)).Select(f => $"{database}: {f}"));
        }

        // The issued deposit invoice keeps the name (and address) for ten years; nothing else anywhere keeps anything.
        Assert.Equal([$"{ResourceNames.PaymentDb}: invoices.Content ({name})"], found);
        // The space's old link: the gateway's « lien expiré » page (410), as for a revoked link.
        Assert.Contains((await system.Gateway().GetAsync($"/espace/{token}")).StatusCode, new[] { HttpStatusCode.Gone, HttpStatusCode.NotFound });
        var after = await admin.GetFromJsonAsync<JsonElement>($"/api/personal-data?email={Uri.EscapeDataString(email)}");
        Assert.All(after.GetProperty("services").EnumerateArray(), s => Assert.All(s.GetProperty("rows").EnumerateObject(), t => Assert.Equal(0, t.Value.GetInt32())));
    }

    /// <summary>One « Divers » line, the customer's own name and address on the quote, sent, accepted by phone, a deposit received by transfer.</summary>
    private static async Task AcceptedAndDepositPaidAsync(HttpClient staff, Guid id, string name, string email)
    {
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetAsync($"/api/quotes/by-request/{id}/offers?type=Accommodation")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)));
        var line = await staff.PostAsJsonAsync($"/api/quotes/by-request/{id}/custom-lines", new { label = "Séjour sur mesure", quantity = 1, unitPriceCents = 90_000, vatRateBasisPoints = 1000 });
        Assert.True(line.IsSuccessStatusCode, await line.Content.ReadAsStringAsync());
        var quoteId = (await line.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True((await staff.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name, address = "3 chemin des Oubliés\n73000 Chambéry", email })).IsSuccessStatusCode);
        var sent = await staff.PostAsync($"/api/quotes/{quoteId}/send", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());
        var accepted = await staff.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        var total = (await accepted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("totals").GetProperty("totalCents").GetInt64();
        Assert.True(await Eventually.TrueAsync(async () => (await staff.GetAsync($"/api/payments/by-request/{id}")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)));
        var paid = await staff.PostAsJsonAsync($"/api/payments/by-request/{id}/offline", new { amountCents = total * 30 / 100, method = "BankTransfer", reference = "VIR-ACOMPTE" });
        Assert.True(paid.StatusCode == HttpStatusCode.Created, await paid.Content.ReadAsStringAsync());
        Assert.True(await PaymentJourneyTests.StatusBecomesAsync(staff, id, "DepositPaid"), "The dossier never reached « Acompte versé ».");
    }
}
