using System.Net;
using System.Text;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>A body that is not JSON is the caller's mistake in every service (ServiceDefaults): 400, and nothing stored.</summary>
public sealed class MalformedBodyTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task NotJson_Is400ProblemDetails_AndNoQuoteIsCreated()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();

        var response = await scenario.Agent.PostAsync($"/api/quotes/by-request/{caseId}/custom-lines", new StringContent("{ label: ", Encoding.UTF8, "application/json"));

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("application/problem+json", response.Content.Headers.ContentType?.MediaType);
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" = @p0", caseId));
    }
}
