using System.Globalization;
using System.Net;
using System.Net.Http.Headers;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Notification.Worker.Documents;

/// <summary>
/// The service a document attached to an email comes from, stored on its attachment (<c>Source</c>): the document's id is
/// the email's <see cref="Domain.EmailMessage.RegardingId"/> (and its version, for a quote).
/// </summary>
internal enum DocumentSource
{
    /// <summary>A sent quote's PDF, from the Quote service (the version sent).</summary>
    Quote = 0,

    /// <summary>An invoice's or a credit note's PDF, from the Payment service.</summary>
    Invoice = 1,
}

/// <summary>
/// Fetches a document's PDF from the document route of the service that holds it (service discovery): a quote from the
/// Quote service, an invoice or a credit note from the Payment service; with a two-minute document token of the
/// document's organisation, signed with Notification's own key. The service answering nothing or 5xx throws: the email
/// is retried. A document it does not know is a permanent failure: an email without the document it announces would be
/// wrong.
/// </summary>
internal sealed class DocumentPdfClient(IHttpClientFactory httpClients, DocumentTokenIssuer issuer)
{
    public const string ServiceName = "Notification";

    public async Task<byte[]> GetAsync(
        DocumentSource source, Guid organisationId, Guid documentId, string number, int? version, CancellationToken cancellationToken)
    {
        var route = Route.Of(source, documentId, version);
        var client = httpClients.CreateClient(route.Client);
        using var request = new HttpRequestMessage(HttpMethod.Get, route.Path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", issuer.Issue(organisationId, ServiceName));
        request.Headers.Accept.Add(new MediaTypeWithQualityHeaderValue("application/pdf"));
        using var response = await client.SendAsync(request, cancellationToken);
        var what = $"{route.Noun} {number} ({documentId}{(route.Versioned ? $", version {version?.ToString(CultureInfo.InvariantCulture) ?? "?"}" : "")})";
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            throw new PermanentMessageFailureException(
                $"The {route.Service} service does not know {what} of organisation {organisationId}: its email is not sent without its PDF.");
        }

        if (!response.IsSuccessStatusCode)
        {
            throw new DocumentPdfUnavailableException($"The {route.Service} service answered {(int)response.StatusCode} for the PDF of {what}.");
        }

        var content = await response.Content.ReadAsByteArrayAsync(cancellationToken);
        if (response.Content.Headers.ContentType?.MediaType != "application/pdf" || !content.AsSpan().StartsWith("%PDF-"u8))
        {
            throw new DocumentPdfUnavailableException(
                $"The {route.Service} service answered {response.Content.Headers.ContentType?.MediaType ?? "no content type"} and no PDF for {what}.");
        }

        return content;
    }

    /// <summary>« FA-2026-00042.pdf »; anything a mail program could misread in a file name becomes a hyphen.</summary>
    internal static string FileName(string number, string fallback)
    {
        var safe = string.Concat(number.Trim().Select(c => char.IsAsciiLetterOrDigit(c) || c is '-' or '_' ? c : '-'));
        return (safe.Length == 0 ? fallback : safe) + ".pdf";
    }

    /// <summary>Where a source's documents are asked for: the named HTTP client (service discovery) and the path.</summary>
    private sealed record Route(string Client, string Service, string Noun, string Path, bool Versioned)
    {
        public static Route Of(DocumentSource source, Guid id, int? version) => source switch
        {
            // The version sent, so that a draft made since is never attached (the service may ignore it and answer the current one).
            DocumentSource.Quote => new Route(
                ResourceNames.QuoteApi, "Quote", "quote", $"/documents/quotes/{id}/pdf" + (version is { } v ? $"?version={v}" : ""), Versioned: true),
            DocumentSource.Invoice => new Route(ResourceNames.PaymentApi, "Payment", "invoice", $"/documents/invoices/{id}/pdf", Versioned: false),
            _ => throw new PermanentMessageFailureException($"No service is known for documents of source {source}."),
        };
    }
}

/// <summary>The service could not give the PDF now: the email is retried, then fails after its attempts.</summary>
internal sealed class DocumentPdfUnavailableException(string message) : Exception(message);
