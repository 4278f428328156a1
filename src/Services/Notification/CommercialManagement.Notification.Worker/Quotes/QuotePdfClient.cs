using System.Net;
using System.Net.Http.Headers;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Notification.Worker.Quotes;

/// <summary>
/// Fetches a quote's PDF from the Quote service's document route (service discovery), with a two-minute document token
/// of the quote's organisation, signed with Notification's own key. The service answering nothing or 5xx throws: the
/// message is retried. A quote it does not know is a permanent failure: the message goes to _error, since a quote email
/// without its quote would be wrong.
/// </summary>
internal sealed class QuotePdfClient(IHttpClientFactory httpClients, DocumentTokenIssuer issuer)
{
    public const string ServiceName = "Notification";

    public async Task<byte[]> GetAsync(Guid organisationId, Guid quoteId, string number, int? version, CancellationToken cancellationToken)
    {
        var client = httpClients.CreateClient(ResourceNames.QuoteApi);
        // The version sent, so that a draft made since is never attached (the service may ignore it and answer the current one).
        var path = $"/documents/quotes/{quoteId}/pdf" + (version is { } v ? $"?version={v}" : "");
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(organisationId, ServiceName));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var response = await client.SendAsync(request, cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new PermanentMessageFailureException(
                $"The Quote service does not know quote {number} ({quoteId}, version {version?.ToString(System.Globalization.CultureInfo.InvariantCulture) ?? "?"}) " +
                $"of organisation {organisationId}: its email is not sent without its PDF.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new QuotePdfUnavailableException($"The Quote service answered {(int)response.StatusCode} for the PDF of quote {number} ({quoteId}).");
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "application/pdf" || !content.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new QuotePdfUnavailableException(
                $"The Quote service answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"} and no PDF for quote {number} ({quoteId}).");
        }

        return content;
    }
}

/// <summary>The Quote service could not give the PDF now: the message is retried, then goes to _error.</summary>
internal sealed class QuotePdfUnavailableException(string message) : Exception(message);
