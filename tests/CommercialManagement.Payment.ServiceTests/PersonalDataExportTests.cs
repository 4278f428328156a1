using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// Payment's part of an access request answers an Admin with every table it searches (each query runs against the real
/// schema), refuses an Agent, and asks for a real address.
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
}
