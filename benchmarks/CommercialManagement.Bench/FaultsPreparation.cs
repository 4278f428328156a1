using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;

namespace CommercialManagement.Bench;

/// <summary>
/// What the fault suite's streams write to, prepared through the gateway from the requests the load posts: quotes that take
/// the line stream's lines (one first line each), and accepted cases (a quote sent and accepted by phone, known to
/// Payment) that take payments. Nothing is written to a database behind the services' backs.
/// </summary>
internal static class FaultsPreparation
{
    /// <summary>
    /// <paramref name="lineQuotes"/> quotes and <paramref name="cases"/> accepted cases of <paramref name="caseTotalCents"/>
    /// each, from the requests <paramref name="accepted"/> receives, ten at a time; 10 minutes at most.
    /// </summary>
    public static async Task<(List<Guid> Pool, List<Guid> Cases)> PrepareAsync(
        Intake intake, FaultsRecords records, string tag, ConcurrentQueue<(Guid Id, string Email, int Index)> accepted,
        int lineQuotes, int cases, long caseTotalCents, CancellationToken stopping)
    {
        var pool = new List<Guid>();
        var prepared = new List<Guid>();
        var watch = Stopwatch.StartNew();
        while ((pool.Count < lineQuotes || prepared.Count < cases) && !stopping.IsCancellationRequested)
        {
            // Ten at a time, each marked for the line pool or for the cases before it is prepared.
            var batch = new List<(Guid Id, string Email, int Index, bool ForLines)>();
            var lineSlots = lineQuotes - pool.Count;
            var caseSlots = cases - prepared.Count;
            while (batch.Count < 10 && (lineSlots > 0 || caseSlots > 0) && accepted.TryDequeue(out var next))
            {
                var forLines = lineSlots > 0;
                batch.Add((next.Id, next.Email, next.Index, forLines));
                if (forLines)
                {
                    lineSlots--;
                }
                else
                {
                    caseSlots--;
                }
            }

            if (batch.Count == 0)
            {
                await Task.Delay(200);
                continue;
            }

            var done = await Task.WhenAll(batch.Select(r => r.ForLines
                ? FirstLineAsync(intake, records, tag, r.Id)
                : AcceptedCaseAsync(intake, records, tag, r.Id, r.Email, r.Index, caseTotalCents)));
            foreach (var (request, ok) in batch.Zip(done))
            {
                if (ok)
                {
                    (request.ForLines ? pool : prepared).Add(request.Id);
                }
            }

            if (watch.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.Error.WriteLine($"preparation gave up after 10 minutes: {pool.Count} quotes, {prepared.Count} accepted cases");
                break;
            }
        }

        return (pool, prepared);
    }

    public static async Task<HttpStatusCode> AddLineAsync(Intake intake, FaultsRecords records, string tag, Guid requestId, string label, long unitPriceCents = 1_000)
    {
        var (status, quote) = await intake.CallAsync(HttpMethod.Post, $"/api/quotes/by-request/{requestId}/custom-lines",
            new { label, description = $"Charge de {tag}", quantity = 1, unitPriceCents, vatRateBasisPoints = 2000 });
        if (status == HttpStatusCode.Created)
        {
            var line = quote.GetProperty("lines").EnumerateArray().Single(l => l.GetProperty("label").GetString() == label);
            records.Line(line.GetProperty("id").GetGuid(), label, requestId);
        }

        return status;
    }

    /// <summary>The request's first line (10.00 €), once Quote knows the case (404 until its RequestReceived arrives): 2 minutes at most.</summary>
    public static async Task<bool> FirstLineAsync(Intake intake, FaultsRecords records, string tag, Guid requestId)
    {
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(2))
        {
            try
            {
                var status = await AddLineAsync(intake, records, tag, requestId, $"{tag} first line of {requestId}");
                if (status == HttpStatusCode.Created)
                {
                    records.Accepted("lines");
                    return true;
                }

                if (status != HttpStatusCode.NotFound)
                {
                    records.Failure("prepare", ((int)status).ToString(CultureInfo.InvariantCulture));
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
                records.Failure("prepare", exception.GetType().Name);
            }

            await Task.Delay(1000);
        }

        return false;
    }

    /// <summary>
    /// A case whose quote (worth <paramref name="totalCents"/> before VAT: the first 10.00 € line, and one more line for the
    /// rest when there is a rest) is sent and accepted by phone, and known to Payment (its ledger answers).
    /// </summary>
    public static async Task<bool> AcceptedCaseAsync(Intake intake, FaultsRecords records, string tag, Guid requestId, string email, int index, long totalCents)
    {
        if (!await FirstLineAsync(intake, records, tag, requestId))
        {
            return false;
        }

        try
        {
            var (status, quote) = await intake.CallAsync(HttpMethod.Get, $"/api/quotes/by-request/{requestId}");
            if (status != HttpStatusCode.OK)
            {
                records.Failure("prepare", $"quote {(int)status}");
                return false;
            }

            var quoteId = quote.GetProperty("id").GetGuid();
            if (totalCents > 1_000)
            {
                var added = await AddLineAsync(intake, records, tag, requestId, $"{tag} séjour {index}", totalCents - 1_000);
                if (added != HttpStatusCode.Created)
                {
                    records.Failure("prepare", $"line {(int)added}");
                    return false;
                }

                records.Accepted("lines");
            }

            var steps = new (string Name, HttpMethod Method, string Path, object Body)[]
            {
                ("customer", HttpMethod.Put, $"/api/quotes/{quoteId}/customer", new { name = $"Bench {tag} {index}", address = "12 rue des Essais, 73000 Val Nevé", email, phone = "+33 6 12 34 56 78" }),
                ("send", HttpMethod.Post, $"/api/quotes/{quoteId}/send", new { }),
                ("acceptance", HttpMethod.Post, $"/api/quotes/{quoteId}/acceptance", new { note = "Accepté par téléphone (fault suite)" }),
            };
            foreach (var (name, method, path, body) in steps)
            {
                var (answer, _) = await intake.CallAsync(method, path, body);
                if ((int)answer is < 200 or > 299)
                {
                    records.Failure("prepare", $"{name} {(int)answer}");
                    return false;
                }
            }

            var watch = Stopwatch.StartNew();
            while (watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                var (ledger, _) = await intake.CallAsync(HttpMethod.Get, $"/api/payments/by-request/{requestId}");
                if (ledger == HttpStatusCode.OK)
                {
                    return true;
                }

                await Task.Delay(1000);
            }
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            records.Failure("prepare", exception.GetType().Name);
            return false;
        }

        records.Failure("prepare", "ledger never answered");
        return false;
    }
}
