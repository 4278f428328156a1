using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// Payment's part of an access request answers an Admin with every table it searches (each query runs against the real
/// schema), refuses an Agent, asks for a real address, and holds only the caller's organisation's rows.
/// </summary>
public sealed class PersonalDataExportTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task Export_AnswersTheAdminWithEveryTable_AndRefusesAnAgent()
    {
        var organisationId = Guid.NewGuid();
        var email = $"personne.{Guid.NewGuid():N}@example.fr";
        var admin = factory.CreateStaffClient(organisationId, StaffClaims.AdminRole);

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/personal-data?email={Uri.EscapeDataString(email)}");

        Assert.Equal(["cases", "invoices", "payments", "payment_requests", "refunds", "refund_orders", "stripe_events", "sandbox_sessions"], export.GetProperty("tables").EnumerateObject().Select(t => t.Name));
        Assert.All(export.GetProperty("tables").EnumerateObject(), t => Assert.Equal(0, t.Value.GetArrayLength()));
        Assert.Equal(0, export.GetProperty("caseIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(organisationId).GetAsync($"/api/payments/personal-data?email={Uri.EscapeDataString(email)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/payments/personal-data?email=")).StatusCode);
    }

    /// <summary>The same customer (same email) buying from two organisations: each organisation's export is its own case only.</summary>
    [Fact]
    public async Task Export_HoldsNothingOfAnotherOrganisation_ForTheSameEmail()
    {
        var unique = Guid.NewGuid().ToString("N")[..8];
        var email = $"personne.{unique}@example.fr";
        var content = Scenario.Content() with { CustomerEmail = email };
        var (first, second) = (await Scenario.NewAsync(factory), await Scenario.NewAsync(factory, name: "École de ski"));
        var firstCase = await first.AcceptedCaseAsync(content: content);
        var secondCase = await second.AcceptedCaseAsync(content: content);
        Assert.Equal(HttpStatusCode.Created, (await first.PayAsync(firstCase, 30_000, reference: $"PREMIERE-{unique}")).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await second.PayAsync(secondCase, 30_000, reference: $"SECONDE-{unique}")).StatusCode);
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM invoices WHERE \"RequestId\" = ANY(@p0) AND \"Sequence\" > 0", new[] { firstCase, secondCase }) == 2,
            TimeSpan.FromSeconds(20)));

        foreach (var (mine, theirs, myCase, theirCase, myReference, theirReference) in new[]
                 {
                     (first, second, firstCase, secondCase, "PREMIERE", "SECONDE"),
                     (second, first, secondCase, firstCase, "SECONDE", "PREMIERE"),
                 })
        {
            var admin = factory.CreateStaffClient(mine.OrganisationId, StaffClaims.AdminRole);
            var export = await admin.GetFromJsonAsync<JsonElement>($"/api/payments/personal-data?email={Uri.EscapeDataString(email.ToUpperInvariant())}");

            Assert.Equal([myCase], export.GetProperty("caseIds").EnumerateArray().Select(c => c.GetGuid()));
            var tables = export.GetProperty("tables");
            Assert.All(["cases", "invoices", "payments"], t => Assert.Equal(1, tables.GetProperty(t).GetArrayLength()));
            Assert.All(
                tables.EnumerateObject().SelectMany(t => t.Value.EnumerateArray()),
                row => Assert.Equal(mine.OrganisationId, (row.TryGetProperty("OrganisationId", out var id) ? id : row.GetProperty("organisation_id")).GetGuid()));
            var text = export.GetRawText();
            Assert.Contains($"{myReference}-{unique}", text, StringComparison.Ordinal);
            Assert.DoesNotContain($"{theirReference}-{unique}", text, StringComparison.Ordinal);
            Assert.DoesNotContain(theirCase.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.DoesNotContain(theirs.OrganisationId.ToString(), text, StringComparison.OrdinalIgnoreCase);
            Assert.Single(export.GetProperty("files").EnumerateArray());
        }
    }
}
