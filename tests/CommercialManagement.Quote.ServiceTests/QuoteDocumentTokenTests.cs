using System.Net;
using System.Net.Http.Headers;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// The Notification worker's document token (its own key, issuer and audience) opens the quote's document route and
/// nothing else; the document route takes nothing else. Only the gateway's key makes staff tokens.
/// </summary>
public sealed class QuoteDocumentTokenTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task DocumentRoute_WithNotificationsToken_AnswersTheVersionsPdf()
    {
        var (scenario, quoteId) = await QuoteAsync();

        var response = await SendAsync($"/documents/quotes/{quoteId}/pdf?version=1", factory.Tokens.IssueForDocuments(scenario.OrganisationId));

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        Assert.Equal("application/pdf", response.Content.Headers.ContentType?.MediaType);
        Assert.StartsWith("%PDF-", System.Text.Encoding.ASCII.GetString(await response.Content.ReadAsByteArrayAsync())[..5], StringComparison.Ordinal);
    }

    [Fact]
    public async Task DocumentRoute_WithATokenOfAnotherOrganisation_Is404()
    {
        var (_, quoteId) = await QuoteAsync();

        var response = await SendAsync($"/documents/quotes/{quoteId}/pdf", factory.Tokens.IssueForDocuments(Guid.NewGuid()));

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
    }

    public static TheoryData<string> NotDocumentTokens =>
    [
        "no token", "a staff token", "an Admin token", "a customer space's token", "expired", "signed with another key",
        "signed with the gateway's key", "HMAC-signed with Notification's public key", "HMAC-signed with a secret", "for the services' audience",
    ];

    [Theory]
    [MemberData(nameof(NotDocumentTokens))]
    public async Task DocumentRoute_WithoutNotificationsDocumentToken_Is401(string kind)
    {
        var (scenario, quoteId) = await QuoteAsync();
        var organisation = scenario.OrganisationId;
        var tokens = factory.Tokens;
        const string documents = DocumentTokenIssuer.Audience;
        const string notification = DocumentTokenIssuer.Issuer;
        var token = kind switch
        {
            "no token" => null,
            "a staff token" => tokens.Issue(organisation),
            "an Admin token" => tokens.Issue(organisation, StaffClaims.AdminRole),
            "a customer space's token" => tokens.IssueForCustomer(organisation, Guid.NewGuid()),
            "expired" => tokens.IssueForDocuments(organisation, DateTimeOffset.UtcNow.AddHours(-1)),
            "signed with another key" => StaffTokens.Forge(organisation, documents, new(StaffTokens.NewKey(), SecurityAlgorithms.EcdsaSha256), notification),
            "signed with the gateway's key" => StaffTokens.Forge(organisation, documents, tokens.GatewaySigning, notification),
            "HMAC-signed with Notification's public key" => StaffTokens.Forge(
                organisation, documents, new(new SymmetricSecurityKey(System.Text.Encoding.UTF8.GetBytes(tokens.NotificationPublicKey)), SecurityAlgorithms.HmacSha256), notification),
            "HMAC-signed with a secret" => StaffTokens.ForgeWithHmac(organisation, documents),
            "for the services' audience" => StaffTokens.Forge(organisation, StaffTokenOptions.ServicesAudience, tokens.NotificationSigning, notification),
            _ => throw new ArgumentOutOfRangeException(nameof(kind), kind, null),
        };

        var response = await SendAsync($"/documents/quotes/{quoteId}/pdf", token);

        Assert.Equal(HttpStatusCode.Unauthorized, response.StatusCode);
    }

    [Fact]
    public async Task StaffRoutes_WithNotificationsDocumentToken_Are401_ThePdfToo()
    {
        var (scenario, quoteId) = await QuoteAsync();
        var token = factory.Tokens.IssueForDocuments(scenario.OrganisationId);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync($"/api/quotes/{quoteId}/pdf", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/api/catalogue/products", token)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/customer/quote", token)).StatusCode);
    }

    [Fact]
    public async Task StaffRoutes_WithAStaffTokenNotificationCouldSign_Are401()
    {
        var (scenario, quoteId) = await QuoteAsync();
        var forged = factory.Tokens.ForgeWithNotificationsKey(scenario.OrganisationId, StaffTokenOptions.ServicesAudience);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync($"/api/quotes/{quoteId}/pdf", forged)).StatusCode);
        Assert.Equal(HttpStatusCode.OK, (await SendAsync($"/api/quotes/{quoteId}/pdf", factory.Tokens.Issue(scenario.OrganisationId))).StatusCode);
    }

    [Fact]
    public async Task CustomerRoutes_WithAnHmacCustomerToken_Are401()
    {
        var organisation = Guid.NewGuid();
        var forged = factory.Tokens.ForgeWithHmacOfThePublicKey(organisation, StaffTokenOptions.CustomerAudience);

        Assert.Equal(HttpStatusCode.Unauthorized, (await SendAsync("/customer/quote", forged)).StatusCode);
    }

    private async Task<(Scenario Scenario, Guid QuoteId)> QuoteAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        await scenario.AddCustomAsync(caseId);
        return (scenario, (await scenario.QuoteAsync(caseId)).GetProperty("id").GetGuid());
    }

    private async Task<HttpResponseMessage> SendAsync(string path, string? token)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        if (token is not null)
        {
            request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
        }

        return await factory.CreateClient().SendAsync(request);
    }
}
