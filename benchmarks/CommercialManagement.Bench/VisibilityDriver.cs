using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;

namespace CommercialManagement.Bench;

/// <summary>
/// P3: requests posted through the gateway at a steady rate (open loop: one every 1/rate s, whatever the answers),
/// and for one in <c>sample</c> of them the time from its 202 to the first GET /api/dossiers/{id} that finds the case.
/// A case at the request stage is not on the board's seven columns, so the case's own endpoint is what is polled.
/// The polls are few and bounded (at most <see cref="PollsInFlight"/> at once): a first version polled every tracked case
/// every 250 ms, which at 100 requests/s became more GETs than POSTs and was what the run measured. The harness also
/// reads every request's visibility from the databases, with no poll at all (bench_p3_from_databases).
/// </summary>
internal static class VisibilityDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = args[0];
        var rate = int.Parse(args[1], CultureInfo.InvariantCulture);
        var seconds = int.Parse(args[2], CultureInfo.InvariantCulture);
        var sample = args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 4;
        var giveUpAfter = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 60);
        var tag = $"p3-{DateTime.UtcNow:HHmmss}";

        using var intake = new Intake(gateway);
        await intake.SignInAsync();
        var accepted = 0;
        var tracked = 0;
        var errors = new ConcurrentDictionary<string, int>();
        var postLatencies = new ConcurrentBag<double>();
        var visible = new ConcurrentBag<double>();
        var tasks = new List<Task>();
        var total = rate * seconds;
        var clock = Stopwatch.StartNew();
        for (var i = 0; i < total; i++)
        {
            var due = TimeSpan.FromSeconds((double)i / rate);
            var wait = due - clock.Elapsed;
            if (wait > TimeSpan.Zero)
            {
                await Task.Delay(wait);
            }

            var n = i;
            tasks.Add(Task.Run(async () =>
            {
                var sent = Stopwatch.GetTimestamp();
                (HttpStatusCode Status, Guid Id) result;
                try
                {
                    result = await intake.SubmitAsync(tag, n);
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                    errors.AddOrUpdate(exception.GetType().Name, 1, (_, c) => c + 1);
                    return;
                }

                postLatencies.Add(Stopwatch.GetElapsedTime(sent).TotalMilliseconds);
                if (result.Status != HttpStatusCode.Accepted)
                {
                    errors.AddOrUpdate(((int)result.Status).ToString(CultureInfo.InvariantCulture), 1, (_, c) => c + 1);
                    return;
                }

                Interlocked.Increment(ref accepted);
                if (n % sample == 0)
                {
                    Interlocked.Increment(ref tracked);
                    var seen = await PollAsync(intake, result.Id, giveUpAfter);
                    if (seen is not null)
                    {
                        visible.Add(seen.Value);
                    }
                }
            }));
        }

        var postingSeconds = clock.Elapsed.TotalSeconds;
        await Task.WhenAll(tasks);
        var visibleList = visible.ToList();
        var posts = postLatencies.ToList();
        // Cases never seen within the bound count as slower than anything seen: the percentiles say so.
        var ranked = visibleList.Concat(Enumerable.Repeat(double.PositiveInfinity, tracked - visibleList.Count)).ToList();
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["tag"] = tag,
            ["posted"] = total,
            ["postingSeconds"] = Math.Round(postingSeconds, 1),
            ["accepted"] = accepted,
            ["errors"] = errors.Values.Sum(),
            ["errorKinds"] = errors.ToDictionary(e => e.Key, e => e.Value),
            ["postP50Ms"] = Percentiles.Of(posts, 50),
            ["postP99Ms"] = Percentiles.Of(posts, 99),
            ["tracked"] = tracked,
            ["visible"] = visibleList.Count,
            ["visibleP50Ms"] = Shown(Percentiles.Of(ranked, 50), giveUpAfter),
            ["visibleP99Ms"] = Shown(Percentiles.Of(ranked, 99), giveUpAfter),
            ["visibleMaxMs"] = visibleList.Count == 0 ? null : Math.Round(visibleList.Max(), 1),
            ["giveUpSeconds"] = giveUpAfter.TotalSeconds,
        }));
        return 0;
    }

    /// <summary>A percentile that falls among the cases never seen is shown as "&gt; the bound".</summary>
    private static object? Shown(double? value, TimeSpan giveUpAfter) =>
        value is { } v && double.IsInfinity(v) ? $"> {giveUpAfter.TotalMilliseconds:F0}" : value;

    private const int PollsInFlight = 4;

    private static readonly SemaphoreSlim Polls = new(PollsInFlight);

    /// <summary>Every 10 ms for the first 200 ms, then every 50 ms, then every 250 ms after 2 s: resolution follows the scale.</summary>
    private static async Task<double?> PollAsync(Intake intake, Guid id, TimeSpan giveUpAfter)
    {
        var accepted = Stopwatch.StartNew();
        while (accepted.Elapsed < giveUpAfter)
        {
            await Polls.WaitAsync();
            try
            {
                if (await intake.GetDossierAsync(id) == HttpStatusCode.OK)
                {
                    return accepted.Elapsed.TotalMilliseconds;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
            {
            }
            finally
            {
                Polls.Release();
            }

            var elapsed = accepted.Elapsed;
            await Task.Delay(elapsed < TimeSpan.FromMilliseconds(200) ? 10 : elapsed < TimeSpan.FromSeconds(2) ? 50 : 250);
        }

        return null;
    }
}
