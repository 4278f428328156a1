using System.Collections.Concurrent;
using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace CommercialManagement.Bench;

/// <summary>
/// P8: <c>count</c> requests posted through the gateway as fast as 16 connections go (for 120 s at most), so that as many acknowledgements
/// are queued in notificationdb; once they are all queued (or after a bound), one staff reply on the first request.
/// Figures from the emails table: the reply's QueuedAt → SentAt, and the burst's emails/s from its SentAt times.
/// </summary>
internal static class EmailBurstDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = args[0];
        var notificationDb = args[1];
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var queueBound = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 120);
        var sendBound = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 120);
        var postBound = TimeSpan.FromSeconds(args.Length > 5 ? int.Parse(args[5], CultureInfo.InvariantCulture) : 120);
        var tag = $"p8-{DateTime.UtcNow:HHmmss}";
        var figures = new Dictionary<string, object?> { ["posted"] = count };

        using var intake = new Intake(gateway);
        await intake.SignInAsync();
        await using var db = NpgsqlDataSource.Create(notificationDb);

        var ids = new ConcurrentBag<Guid>();
        var errors = 0;
        var next = -1;
        var posting = Stopwatch.StartNew();
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(async () =>
        {
            int i;
            while (posting.Elapsed < postBound && (i = Interlocked.Increment(ref next)) < count)
            {
                try
                {
                    var (status, id) = await intake.SubmitAsync(tag, i);
                    if (status == HttpStatusCode.Accepted)
                    {
                        ids.Add(id);
                        continue;
                    }
                }
                catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException)
                {
                }

                Interlocked.Increment(ref errors);
            }
        })));
        figures["postingSeconds"] = Math.Round(posting.Elapsed.TotalSeconds, 1);
        figures["accepted"] = ids.Count;
        figures["postingStoppedByBound"] = posting.Elapsed >= postBound;
        figures["errors"] = errors;

        // Wait until every acknowledgement of the burst is queued (the outbox relay and the consumers bring them).
        var pattern = $"{tag}-%";
        var queueing = Stopwatch.StartNew();
        (long Queued, long Sent) state = (0, 0);
        while (queueing.Elapsed < queueBound)
        {
            state = await CountAsync(db, pattern);
            if (state.Queued >= ids.Count)
            {
                break;
            }

            await Task.Delay(250);
        }

        figures["ackQueuedBeforeReply"] = state.Queued;
        figures["ackUnsentBeforeReply"] = state.Queued - state.Sent;
        figures["secondsToQueueBurst"] = Math.Round(queueing.Elapsed.TotalSeconds, 1);

        // The staff reply, on the burst's first request: it must not wait behind what is queued.
        var first = ids.Min();
        var replyStatus = await intake.ReplyAsync(first, $"Réponse {tag} : nous revenons vers vous avec un devis.");
        figures["replyStatus"] = (int)replyStatus;
        var replyWatch = Stopwatch.StartNew();
        while (replyWatch.Elapsed < sendBound)
        {
            await using var command = db.CreateCommand("""
                SELECT EXTRACT(EPOCH FROM ("SentAt" - "QueuedAt")) * 1000 FROM emails
                WHERE "Kind" = 'StaffReply' AND "CaseId" = $1 AND "SentAt" IS NOT NULL
                """);
            command.Parameters.Add(new() { Value = first });
            if (await command.ExecuteScalarAsync() is decimal milliseconds)
            {
                figures["replyQueuedToSentMs"] = Math.Round((double)milliseconds, 1);
                break;
            }

            await Task.Delay(100);
        }

        figures["replyPostToSentSeconds"] = figures.ContainsKey("replyQueuedToSentMs") ? Math.Round(replyWatch.Elapsed.TotalSeconds, 1) : null;

        // Then the rest of the burst, bounded; the rate is what was sent over the span of its SentAt times.
        while (replyWatch.Elapsed < sendBound && (await CountAsync(db, pattern)).Sent < ids.Count)
        {
            await Task.Delay(500);
        }

        await using (var span = db.CreateCommand("""
            SELECT count(*), EXTRACT(EPOCH FROM (max("SentAt") - min("SentAt"))) FROM emails
            WHERE "Kind" = 'RequestAcknowledgement' AND "To" LIKE $1 AND "SentAt" IS NOT NULL
            """))
        {
            span.Parameters.Add(new() { Value = pattern });
            await using var reader = await span.ExecuteReaderAsync();
            await reader.ReadAsync();
            var sent = reader.GetInt64(0);
            var seconds = reader.IsDBNull(1) ? 0 : (double)reader.GetDecimal(1);
            figures["ackSent"] = sent;
            figures["ackSentSpanSeconds"] = Math.Round(seconds, 1);
            figures["ackEmailsPerSecond"] = seconds > 0 ? Math.Round(sent / seconds, 1) : null;
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }

    private static async Task<(long Queued, long Sent)> CountAsync(NpgsqlDataSource db, string pattern)
    {
        await using var command = db.CreateCommand("""
            SELECT count(*), count("SentAt") FROM emails WHERE "Kind" = 'RequestAcknowledgement' AND "To" LIKE $1
            """);
        command.Parameters.Add(new() { Value = pattern });
        await using var reader = await command.ExecuteReaderAsync();
        await reader.ReadAsync();
        return (reader.GetInt64(0), reader.GetInt64(1));
    }
}
