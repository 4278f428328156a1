using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CommercialManagement.Bench;

/// <summary>
/// The steady load of ./faults.sh, through the gateway for as long as the faults last: public web requests (unique
/// names and addresses), « Divers » quote lines added by a staff member with a bearer token, and offline payments recorded
/// by staff (the Stripe sandbox's checkout page needs the customer space's antiforgery form; the offline payment is the
/// same ledger row and the same <c>PaymentReceived</c>). Open loop: each stream starts an operation every 1/rate s,
/// whatever the answers, up to <see cref="InFlight"/> at once (beyond, the tick is counted as refused "saturated").
/// Every accepted operation is written with the moment it was answered, for reconcile and backlog:
/// <c>requests.tsv</c> (time, request id, email), <c>lines.tsv</c> (time, line id, label, request id),
/// <c>payments.tsv</c> (time, payment id, reference, request id), and every refusal or failure in <c>failures.tsv</c>
/// (time, stream, status or exception). Stops when OUT_DIR/stop exists; writes OUT_DIR/ready once the quotes the lines
/// and payments go to are prepared (before the first fault).
/// </summary>
internal static class FaultsLoad
{
    private const int InFlight = 48;

    /// <summary>Requests whose quote takes the line stream's lines, and accepted quotes that take the payments.</summary>
    private const int LinePool = 100;
    private const int PaymentCases = 20;

    /// <summary>5,000.00 € accepted per payment case, paid 1.00 € at a time.</summary>
    private const long CaseTotalCents = 500_000;
    private const long PaymentCents = 100;

    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = args[0];
        var outDir = args[1];
        var requestRate = args.Length > 2 ? double.Parse(args[2], CultureInfo.InvariantCulture) : 5;
        var lineRate = args.Length > 3 ? double.Parse(args[3], CultureInfo.InvariantCulture) : 2;
        var paymentRate = args.Length > 4 ? double.Parse(args[4], CultureInfo.InvariantCulture) : 1;
        var tag = $"faults-{DateTime.UtcNow:HHmmss}";
        Directory.CreateDirectory(outDir);

        using var intake = new Intake(gateway);
        using var records = new Records(outDir);
        var stopFile = Path.Combine(outDir, "stop");
        using var stopping = new CancellationTokenSource();
        _ = Task.Run(async () =>
        {
            while (!File.Exists(stopFile))
            {
                await Task.Delay(200);
            }

            await stopping.CancelAsync();
        });

        await SignInAsync(intake, stopping.Token);
        // The token lives 30 minutes: a new one every 10 (and at once after a 401, see Failed).
        _ = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromMinutes(10), stopping.Token).ContinueWith(_ => { });
                await RenewQuietlyAsync(intake);
            }
        });

        var accepted = new ConcurrentQueue<(Guid Id, string Email, int Index)>();
        var requests = Stream("requests", requestRate, async i =>
        {
            var (status, id) = await intake.SubmitAsync(tag, (int)i);
            if (status != HttpStatusCode.Accepted)
            {
                return status;
            }

            var email = $"{tag}-{i}@example.test";
            records.Request(id, email);
            accepted.Enqueue((id, email, (int)i));
            return status;
        }, records, intake, stopping.Token);

        // The line pool and the payment cases come from the first requests posted; ready once they are prepared.
        var pool = new List<Guid>();
        var cases = new List<Guid>();
        var preparation = Stopwatch.StartNew();
        while ((pool.Count < LinePool || cases.Count < PaymentCases) && !stopping.IsCancellationRequested)
        {
            // Ten at a time, each marked for the line pool or for the payment cases before it is prepared.
            var batch = new List<(Guid Id, string Email, int Index, bool ForLines)>();
            var lineSlots = LinePool - pool.Count;
            var caseSlots = PaymentCases - cases.Count;
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

            var prepared = await Task.WhenAll(batch.Select(r => r.ForLines
                ? FirstLineAsync(intake, records, tag, r.Id)
                : AcceptedCaseAsync(intake, records, tag, r.Id, r.Email, r.Index)));
            foreach (var (request, ok) in batch.Zip(prepared))
            {
                if (ok)
                {
                    (request.ForLines ? pool : cases).Add(request.Id);
                }
            }

            if (preparation.Elapsed > TimeSpan.FromMinutes(10))
            {
                Console.Error.WriteLine($"preparation gave up after 10 minutes: {pool.Count} quotes, {cases.Count} accepted cases");
                break;
            }
        }

        if (pool.Count == 0 || cases.Count == 0)
        {
            Console.Error.WriteLine("no quote or no accepted case could be prepared");
            return 1;
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, "ready"), $"{pool.Count} quotes, {cases.Count} accepted cases, {preparation.Elapsed.TotalSeconds:F0} s\n");
        Console.Error.WriteLine($"ready: {pool.Count} quotes take the lines, {cases.Count} accepted cases take the payments ({preparation.Elapsed.TotalSeconds:F0} s)");

        // Consecutive lines go to one quote (25 in a row), so a quote grows slowly and two lines rarely meet on one case.
        var lines = Stream("lines", lineRate, async i =>
        {
            var requestId = pool[(int)(i / 25 % pool.Count)];
            return await AddLineAsync(intake, records, tag, requestId, $"{tag} line {i}");
        }, records, intake, stopping.Token);

        var payments = Stream("payments", paymentRate, async i =>
        {
            var requestId = cases[(int)(i % cases.Count)];
            var reference = $"{tag}-payment-{i}";
            var (status, ledger) = await intake.CallAsync(HttpMethod.Post, $"/api/payments/by-request/{requestId}/offline",
                new { amountCents = PaymentCents, method = "BankTransfer", reference });
            if (status == HttpStatusCode.Created)
            {
                var payment = ledger.GetProperty("payments").EnumerateArray().Single(p => p.GetProperty("reference").GetString() == reference);
                records.Payment(payment.GetProperty("id").GetGuid(), reference, requestId);
            }

            return status;
        }, records, intake, stopping.Token);

        var progress = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), stopping.Token).ContinueWith(_ => { });
                Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {records.Summary()}");
            }
        });

        await Task.WhenAll(requests, lines, payments, progress);
        Console.Error.WriteLine($"stopped: {records.Summary()}");
        Console.WriteLine(JsonSerializer.Serialize(records.Figures()));
        return 0;
    }

    private static async Task SignInAsync(Intake intake, CancellationToken stopping)
    {
        var watch = Stopwatch.StartNew();
        while (true)
        {
            try
            {
                await intake.SignInAsync();
                return;
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException && watch.Elapsed < TimeSpan.FromMinutes(2))
            {
                await Task.Delay(1000, stopping);
            }
        }
    }

    private static int renewing;

    private static async Task RenewQuietlyAsync(Intake intake)
    {
        if (Interlocked.Exchange(ref renewing, 1) == 1)
        {
            return;
        }

        try
        {
            await intake.RenewTokenAsync();
        }
        catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
        {
            Console.Error.WriteLine($"token renewal failed: {exception.Message}");
        }
        finally
        {
            Interlocked.Exchange(ref renewing, 0);
        }
    }

    /// <summary>One stream: operation i started at start + i/rate, at most <see cref="InFlight"/> at once.</summary>
    private static async Task Stream(string name, double rate, Func<long, Task<HttpStatusCode>> operation, Records records, Intake intake, CancellationToken stopping)
    {
        var slots = new SemaphoreSlim(InFlight);
        var running = new ConcurrentDictionary<long, Task>();
        var clock = Stopwatch.StartNew();
        for (long i = 0; !stopping.IsCancellationRequested; i++)
        {
            var wait = TimeSpan.FromSeconds(i / rate) - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait, stopping).ContinueWith(_ => { });
            }

            if (stopping.IsCancellationRequested)
            {
                break;
            }

            if (!slots.Wait(0))
            {
                records.Failure(name, "saturated");
                continue;
            }

            var n = i;
            running[n] = Task.Run(async () =>
            {
                try
                {
                    var status = await operation(n);
                    if ((int)status is < 200 or > 299)
                    {
                        records.Failure(name, ((int)status).ToString(CultureInfo.InvariantCulture));
                        if (status == HttpStatusCode.Unauthorized)
                        {
                            await RenewQuietlyAsync(intake);
                        }
                    }
                    else
                    {
                        records.Accepted(name);
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
                {
                    records.Failure(name, exception.GetType().Name);
                }
                finally
                {
                    slots.Release();
                    running.TryRemove(n, out _);
                }
            });
        }

        await Task.WhenAll(running.Values);
    }

    private static async Task<HttpStatusCode> AddLineAsync(Intake intake, Records records, string tag, Guid requestId, string label, long unitPriceCents = 1_000)
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

    /// <summary>The request's first line, once Quote knows the case (404 until its RequestReceived arrives): 2 minutes at most.</summary>
    private static async Task<bool> FirstLineAsync(Intake intake, Records records, string tag, Guid requestId)
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

    /// <summary>A case whose quote (one 5,000.00 € line) is sent and accepted by phone, and known to Payment (its ledger answers).</summary>
    private static async Task<bool> AcceptedCaseAsync(Intake intake, Records records, string tag, Guid requestId, string email, int index)
    {
        if (!await FirstLineAsync(intake, records, tag, requestId))
        {
            return false;
        }

        var (status, quote) = await intake.CallAsync(HttpMethod.Get, $"/api/quotes/by-request/{requestId}");
        if (status != HttpStatusCode.OK)
        {
            records.Failure("prepare", $"quote {(int)status}");
            return false;
        }

        var quoteId = quote.GetProperty("id").GetGuid();
        // The quote is worth 5,000.00 €: the first line was 10.00 €, this one makes up the rest.
        var added = await AddLineAsync(intake, records, tag, requestId, $"{tag} séjour {index}", CaseTotalCents - 1_000);
        if (added != HttpStatusCode.Created)
        {
            records.Failure("prepare", $"line {(int)added}");
            return false;
        }

        records.Accepted("lines");
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

        records.Failure("prepare", "ledger never answered");
        return false;
    }

    /// <summary>The files the harness reads, one line per operation, written as it is answered.</summary>
    private sealed class Records : IDisposable
    {
        private readonly StreamWriter _requests;
        private readonly StreamWriter _lines;
        private readonly StreamWriter _payments;
        private readonly StreamWriter _failures;
        private readonly ConcurrentDictionary<string, long> _accepted = new();
        private readonly ConcurrentDictionary<string, long> _failed = new();
        private readonly Lock _gate = new();

        public Records(string outDir)
        {
            static StreamWriter Open(string dir, string name) => new(Path.Combine(dir, name), append: true) { AutoFlush = true };
            _requests = Open(outDir, "requests.tsv");
            _lines = Open(outDir, "lines.tsv");
            _payments = Open(outDir, "payments.tsv");
            _failures = Open(outDir, "failures.tsv");
        }

        private static string Now() => (DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0).ToString("F3", CultureInfo.InvariantCulture);

        private void Write(StreamWriter writer, string line)
        {
            lock (_gate)
            {
                writer.WriteLine(line);
            }
        }

        public void Request(Guid id, string email) => Write(_requests, $"{Now()}\t{id}\t{email}");

        public void Line(Guid id, string label, Guid requestId) => Write(_lines, $"{Now()}\t{id}\t{label}\t{requestId}");

        public void Payment(Guid id, string reference, Guid requestId) => Write(_payments, $"{Now()}\t{id}\t{reference}\t{requestId}");

        public void Accepted(string stream) => _accepted.AddOrUpdate(stream, 1, (_, c) => c + 1);

        public void Failure(string stream, string what)
        {
            _failed.AddOrUpdate($"{stream} {what}", 1, (_, c) => c + 1);
            Write(_failures, $"{Now()}\t{stream}\t{what}");
        }

        public string Summary() =>
            "accepted " + string.Join(", ", _accepted.OrderBy(a => a.Key).Select(a => $"{a.Key} {a.Value}"))
            + "; refused or failed " + (_failed.IsEmpty ? "none" : string.Join(", ", _failed.OrderBy(f => f.Key).Select(f => $"{f.Key}: {f.Value}")));

        public Dictionary<string, object> Figures() => new()
        {
            ["accepted"] = _accepted.ToDictionary(a => a.Key, a => a.Value),
            ["failed"] = _failed.ToDictionary(f => f.Key, f => f.Value),
        };

        public void Dispose()
        {
            _requests.Dispose();
            _lines.Dispose();
            _payments.Dispose();
            _failures.Dispose();
        }
    }
}
