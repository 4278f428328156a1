using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CommercialManagement.Bench;

/// <summary>
/// The steady load of ./faults.sh, through the gateway for as long as the faults last: public web requests (unique
/// names and addresses), « Divers » quote lines added by a staff member with a bearer token, offline payments recorded
/// by staff, and sandbox payments: the customer paying a payment request from their space through the Stripe stand-in's
/// checkout page (<see cref="FaultsSandboxPayments"/>). Open loop: each stream starts an operation every 1/rate s,
/// whatever the answers, up to <see cref="InFlight"/> at once (beyond, the tick is counted as refused "saturated").
/// Every accepted operation is written with the moment it was answered, for reconcile and backlog (<see cref="FaultsRecords"/>).
/// Stops when OUT_DIR/stop exists; writes OUT_DIR/ready once the quotes and cases the lines and payments go to are
/// prepared (<see cref="FaultsPreparation"/>, before the first fault).
/// </summary>
internal static class FaultsLoad
{
    private const int InFlight = 48;

    /// <summary>Requests whose quote takes the line stream's lines, and accepted quotes that take the payments.</summary>
    private const int LinePool = 100;
    private const int PaymentCases = 20;

    /// <summary>Sandbox cases ready before the first fault (the supply keeps preparing them during the run).</summary>
    private const int SandboxReadyAtStart = 10;

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
        var sandboxRate = args.Length > 5 ? double.Parse(args[5], CultureInfo.InvariantCulture) : 0.5;
        var mailCatcher = args.Length > 6 ? args[6] : "http://localhost:5101";
        var tag = $"faults-{DateTime.UtcNow:HHmmss}";
        Directory.CreateDirectory(outDir);

        using var intake = new Intake(gateway);
        using var records = new FaultsRecords(outDir);
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

        // The sandbox's cases are prepared all along the run, beside the streams; the line pool and the offline payments'
        // cases come from the first requests posted; ready once both are there.
        using var sandbox = new FaultsSandboxPayments(intake, records, tag, gateway, mailCatcher, accepted);
        var supply = sandboxRate > 0 ? Task.Run(() => sandbox.SupplyAsync(stopping.Token)) : Task.CompletedTask;
        var preparation = Stopwatch.StartNew();
        var (pool, cases) = await FaultsPreparation.PrepareAsync(intake, records, tag, accepted, LinePool, PaymentCases, CaseTotalCents, stopping.Token);
        while (sandboxRate > 0 && sandbox.Ready < SandboxReadyAtStart && preparation.Elapsed < TimeSpan.FromMinutes(10) && !stopping.IsCancellationRequested)
        {
            await Task.Delay(500);
        }

        if (pool.Count == 0 || cases.Count == 0 || (sandboxRate > 0 && sandbox.Ready == 0))
        {
            Console.Error.WriteLine("no quote, no accepted case or no sandbox case could be prepared");
            return 1;
        }

        await File.WriteAllTextAsync(Path.Combine(outDir, "ready"), $"{pool.Count} quotes, {cases.Count} accepted cases, {sandbox.Ready} sandbox cases, {preparation.Elapsed.TotalSeconds:F0} s\n");
        Console.Error.WriteLine($"ready: {pool.Count} quotes take the lines, {cases.Count} accepted cases the offline payments, {sandbox.Ready} small cases the sandbox's ({preparation.Elapsed.TotalSeconds:F0} s)");

        // Consecutive lines go to one quote (25 in a row), so a quote grows slowly and two lines rarely meet on one case.
        var lines = Stream("lines", lineRate, async i =>
        {
            var requestId = pool[(int)(i / 25 % pool.Count)];
            return await FaultsPreparation.AddLineAsync(intake, records, tag, requestId, $"{tag} line {i}");
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

        var sandboxPayments = sandboxRate > 0 ? Stream("sandbox", sandboxRate, _ => sandbox.PayAsync(), records, intake, stopping.Token) : Task.CompletedTask;

        var progress = Task.Run(async () =>
        {
            while (!stopping.IsCancellationRequested)
            {
                await Task.Delay(TimeSpan.FromSeconds(15), stopping.Token).ContinueWith(_ => { });
                Console.Error.WriteLine($"[{DateTime.UtcNow:HH:mm:ss}] {records.Summary()}");
            }
        });

        await Task.WhenAll(requests, lines, payments, sandboxPayments, supply, progress);
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
    private static async Task Stream(string name, double rate, Func<long, Task<HttpStatusCode>> operation, FaultsRecords records, Intake intake, CancellationToken stopping)
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
                catch (FaultsStepException step)
                {
                    records.Failure(name, step.Message);
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
}
