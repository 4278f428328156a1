using System.Net;
using System.Text;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.ServiceDefaults.Errors;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>What a page shows when a service refused: for a service down a moment, what to do, not « refusée (503) ».</summary>
public sealed class ProblemMessagesTests
{
    private static HttpResponseMessage Answer(HttpStatusCode status, string? body, string mediaType = "application/problem+json") =>
        new(status) { Content = body is null ? new ByteArrayContent([]) : new StringContent(body, Encoding.UTF8, mediaType) };

    [Fact]
    public async Task ServiceUnavailable_ShowsTheServicesTitleAndDetail()
    {
        using var response = Answer(HttpStatusCode.ServiceUnavailable,
            $$"""{"status":503,"title":"{{TransientFailures.Title}}","detail":"{{TransientFailures.Detail}}"}""");

        Assert.Equal([$"{TransientFailures.Title} {TransientFailures.Detail}"], await ProblemMessages.ReadAsync(response));
    }

    [Theory]
    [InlineData(HttpStatusCode.ServiceUnavailable)]
    [InlineData(HttpStatusCode.BadGateway)]
    [InlineData(HttpStatusCode.GatewayTimeout)]
    public async Task Unavailable_WithoutProblem_SaysToTryAgain(HttpStatusCode status)
    {
        using var empty = Answer(status, null);
        using var html = Answer(status, "<html>Bad gateway</html>", "text/html");

        Assert.Equal([$"{TransientFailures.Title} {TransientFailures.Detail}"], await ProblemMessages.ReadAsync(empty));
        Assert.Equal([$"{TransientFailures.Title} {TransientFailures.Detail}"], await ProblemMessages.ReadAsync(html));
    }

    [Fact]
    public async Task Refusal_ShowsItsTitle_AsBefore()
    {
        using var response = Answer(HttpStatusCode.Conflict, """{"status":409,"title":"Ce devis a déjà été envoyé.","detail":"interne"}""");

        Assert.Equal(["Ce devis a déjà été envoyé."], await ProblemMessages.ReadAsync(response));
    }
}
