using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Notification;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>
/// Notification's part of an access request answers an Admin with every table it searches (each query runs against the real
/// schema), refuses an Agent, and asks for a real address; it never gives one organisation's rows to another, even for a
/// customer both know under the same name and address.
/// </summary>
public sealed class PersonalDataExportTests(NotificationFactory factory) : IClassFixture<NotificationFactory>
{
    [Fact]
    public async Task Export_AnswersTheAdminWithEveryTable_AndRefusesAnAgent()
    {
        var organisationId = Guid.NewGuid();
        var email = $"personne.{Guid.NewGuid():N}@example.fr";
        var admin = factory.CreateStaffClient(organisationId, StaffClaims.AdminRole);

        var export = await admin.GetFromJsonAsync<JsonElement>($"/api/notifications/personal-data?email={Uri.EscapeDataString(email)}");

        Assert.Equal(["cases", "emails", "email_attachments"], export.GetProperty("tables").EnumerateObject().Select(t => t.Name));
        Assert.All(export.GetProperty("tables").EnumerateObject(), t => Assert.Equal(0, t.Value.GetArrayLength()));
        Assert.Equal(0, export.GetProperty("caseIds").GetArrayLength());
        Assert.Equal(HttpStatusCode.Forbidden, (await factory.CreateStaffClient(organisationId).GetAsync($"/api/notifications/personal-data?email={Uri.EscapeDataString(email)}")).StatusCode);
        Assert.Equal(HttpStatusCode.BadRequest, (await admin.GetAsync("/api/notifications/personal-data?email=")).StatusCode);
    }

    [Fact]
    public async Task Export_OfACustomerTwoOrganisationsShare_GivesEachOnlyItsOwnCaseEmailsAndAttachments()
    {
        factory.StartSmtp();
        var (first, second) = (Guid.NewGuid(), Guid.NewGuid());
        await KnowAsync(first);
        await KnowAsync(second);
        var unique = Guid.NewGuid().ToString("N")[..8];
        var (name, email) = ($"Léonie Partagée{unique}", $"leonie.{unique}@example.fr");
        var firstCase = Events.Request(first, email, name);
        var secondCase = Events.Request(second, email, name);
        await factory.Harness.Bus.Publish(firstCase, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(secondCase, c => c.MessageId = Guid.NewGuid());
        var firstQuote = Events.Quote(first, firstCase.RequestId, email) with { CustomerName = name };
        var secondQuote = Events.Quote(second, secondCase.RequestId, email) with { CustomerName = name };
        await factory.Harness.Bus.Publish(firstQuote, c => c.MessageId = Guid.NewGuid());
        await factory.Harness.Bus.Publish(secondQuote, c => c.MessageId = Guid.NewGuid());
        await factory.PublishedAsync<EmailSent>(e => e.RegardingId == firstQuote.QuoteId);
        await factory.PublishedAsync<EmailSent>(e => e.RegardingId == secondQuote.QuoteId);
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == firstCase.RequestId && e.Kind != "QuoteSent");
        await factory.PublishedAsync<EmailSent>(e => e.CaseId == secondCase.RequestId && e.Kind != "QuoteSent");

        var firstExport = await ExportAsync(first, email);
        var secondExport = await ExportAsync(second, email);

        AssertOnly(firstExport, first, firstCase.RequestId, name, email);
        AssertOnly(secondExport, second, secondCase.RequestId, name, email);
        Assert.DoesNotContain(secondCase.RequestId.ToString(), firstExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(second.ToString(), firstExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(firstCase.RequestId.ToString(), secondExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
        Assert.DoesNotContain(first.ToString(), secondExport.GetRawText(), StringComparison.OrdinalIgnoreCase);
    }

    private async Task KnowAsync(Guid organisationId)
    {
        await factory.Harness.Bus.Publish(Events.Organisation(organisationId), c => c.MessageId = Guid.NewGuid());
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0", organisationId) == 1,
            TimeSpan.FromSeconds(15)));
    }

    private async Task<JsonElement> ExportAsync(Guid organisationId, string email)
    {
        var response = await factory.CreateStaffClient(organisationId, StaffClaims.AdminRole).GetAsync($"/api/notifications/personal-data?email={Uri.EscapeDataString(email)}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    /// <summary>
    /// The export holds the organisation's one case of the customer and the two emails sent to them for it (the
    /// acknowledgement, the quote with its PDF), and nothing else.
    /// </summary>
    private static void AssertOnly(JsonElement export, Guid organisationId, Guid caseId, string name, string email)
    {
        var tables = export.GetProperty("tables");
        Assert.Equal([caseId], export.GetProperty("caseIds").EnumerateArray().Select(c => c.GetGuid()));
        var copy = Assert.Single(tables.GetProperty("cases").EnumerateArray());
        Assert.Equal((caseId, organisationId, name), (copy.GetProperty("RequestId").GetGuid(), copy.GetProperty("OrganisationId").GetGuid(), copy.GetProperty("CustomerName").GetString()));
        var sent = tables.GetProperty("emails").EnumerateArray().ToList();
        Assert.Equal(2, sent.Count);
        Assert.All(sent, e => Assert.Equal(
            (caseId, organisationId, email), (e.GetProperty("CaseId").GetGuid(), e.GetProperty("OrganisationId").GetGuid(), e.GetProperty("To").GetString())));
        var pdf = Assert.Single(tables.GetProperty("email_attachments").EnumerateArray());
        Assert.Equal(organisationId, pdf.GetProperty("OrganisationId").GetGuid());
        Assert.Contains(pdf.GetProperty("EmailId").GetGuid(), sent.Select(e => e.GetProperty("Id").GetGuid()));
    }
}
