using System.Collections.Concurrent;
using System.Net;
using System.Net.Http.Headers;
using System.Text;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>
/// The Quote service's document route (a quote's PDF) as the worker's HTTP client sees it, in memory: a small PDF per quote, 503 while
/// a quote is told to be down, 404 for a quote it is told not to know. Every request is kept, with its token.
/// </summary>
public sealed class StandInQuoteService : HttpMessageHandler
{
    private readonly ConcurrentDictionary<Guid, int> _failuresLeft = new();
    private readonly ConcurrentDictionary<Guid, bool> _unknown = new();

    public ConcurrentQueue<(Uri Uri, AuthenticationHeaderValue? Authorization)> Requests { get; } = new();

    /// <summary>The bytes the stand-in answers for a quote: a PDF header and the quote's id, different for each quote.</summary>
    public static byte[] Pdf(Guid quoteId) => Encoding.ASCII.GetBytes($"%PDF-1.7\n% devis {quoteId}\n%%EOF\n");

    public void DownFor(Guid quoteId, int failures) => _failuresLeft[quoteId] = failures;

    public void DoesNotKnow(Guid quoteId) => _unknown[quoteId] = true;

    /// <summary>While set, every answer waits until it completes, as a Quote service slow to answer; <see cref="Waiting"/> says one waits.</summary>
    public TaskCompletionSource? Hold { get; set; }

    public TaskCompletionSource Waiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public IReadOnlyList<(Uri Uri, AuthenticationHeaderValue? Authorization)> RequestsFor(Guid quoteId) =>
        Requests.Where(r => r.Uri.AbsolutePath == $"/documents/quotes/{quoteId}/pdf").ToList();

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
        if (request.Method != HttpMethod.Get || segments is not ["documents", "quotes", var id, "pdf"] || !Guid.TryParse(id, out var quoteId))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (_unknown.ContainsKey(quoteId))
        {
            return new HttpResponseMessage(HttpStatusCode.NotFound);
        }

        if (_failuresLeft.TryGetValue(quoteId, out var left) && left > 0)
        {
            _failuresLeft[quoteId] = left - 1;
            return new HttpResponseMessage(HttpStatusCode.ServiceUnavailable);
        }

        var content = new ByteArrayContent(Pdf(quoteId));
        content.Headers.ContentType = new MediaTypeHeaderValue("application/pdf");
        return new HttpResponseMessage(HttpStatusCode.OK) { Content = content };
    }
}
