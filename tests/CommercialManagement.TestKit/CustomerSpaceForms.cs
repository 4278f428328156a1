using System.Text.RegularExpressions;

namespace CommercialManagement.TestKit;

/// <summary>What a customer's browser does with the space's forms: read the page, then post with its antiforgery token.</summary>
public static partial class CustomerSpaceForms
{
    /// <summary>« Payer » on the space's page: the form's post, with the token the page gave this browser (its cookie too).</summary>
    public static async Task<HttpResponseMessage> PayAsync(HttpClient browser, string spaceToken, Guid paymentRequestId, string? host = null)
    {
        var page = await browser.GetStringAsync($"/espace/{spaceToken}");
        using var request = new HttpRequestMessage(HttpMethod.Post, $"/espace/{spaceToken}/payer/{paymentRequestId}")
        {
            Content = new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = AntiforgeryToken(page) }),
        };
        if (host is not null)
        {
            request.Headers.Host = host;
        }

        return await browser.SendAsync(request);
    }

    /// <summary>The antiforgery token of the first form of a page rendered by the gateway.</summary>
    public static string AntiforgeryToken(string page) =>
        TokenInput().Match(page) is { Success: true } found ? found.Groups[1].Value : throw new InvalidOperationException("The page holds no form with an antiforgery token.");

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex TokenInput();
}
