using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>
/// A service's document route (<c>/documents/{documents}/{id}/pdf</c>: a quote's PDF from the Quote service, an invoice's
/// from the Payment service) as the worker's HTTP client sees it, in memory: a small PDF per document, 503 while a document
/// is told to be down, 404 for a document it is told not to know. Every request is kept, with its token.
/// </summary>
/// <param name="documents">The route's collection: "quotes", "invoices".</param>
public sealed class StandInDocumentService(string documents) : HttpMessageHandler
{
    private readonly ConcurrentDictionary<Guid, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<Guid, bool> _unknown = new();

    public ConcurrentQueue<(Uri Uri, AuthenticationHeaderValue? Authorization)> Requests { get; } = new();

    /// <summary>The bytes the stand-in answers for a document: a PDF header and the document's id, different for each document.</summary>
    public static byte[] Pdf(Guid documentId) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% document {documentId}\n%%EOF\n");

    public void DownFor(Guid documentId, int failures) => _failuresLeft[documentId] = failures;

    public void DoesNotKnow(Guid documentId) => _unknown[documentId] = true;

    /// <summary>While set, every answer waits until it completes, as a service slow to answer; <see cref="Waiting"/> says one waits.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(Uri Uri, AuthenticationHeaderValue? Authorization)> RequestsFor(Guid documentId) =>
        Requests.Where(r => r.Uri.AbsolutePath == $"/documents/{documents}/{documentId}/pdf").ToList();

    protected override async Task<HttpResponseMessage> SendAsync(HttpRequestMessage request, CancellationToken cancellationToken)
    {
        Requests.Enqueue((request.RequestUri!, request.Headers.Authorization));
        if (Hold is { } hold)
        {
            Waiting.TrySetResult();
            await hold.Task.WaitAsync(cancellationToken);
        }

        return Answer(request);
    }

    private HttpResponseMessage Answer(HttpRequestMessage request)
    {
        var segments = request.RequestUri!.AbsolutePath.Split('/', StringSplitOptions.RemoveEmptyEntries);
        if (request.Method != HttpMethod.Get || segments is not ["documents", var collection, var id, "pdf"] || collection != documents || !Guid.TryParse(id, out var documentId))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (_unknown.ContainsKey(documentId))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (_failuresLeft.TryGetValue(documentId, out var left) && left > 0)
        {
            _failuresLeft[documentId] = left - 1;
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }

        var content = new ByteArrayContent(Pdf(documentId));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
