using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Text.Json;
using Npgsql;

namespace CommercialManagement.Bench;

/// <summary>
/// P8: a burst of <c>count</c> acknowledgements already queued, then one staff reply.
/// One request is posted through the gateway; once its acknowledgement is in notificationdb, <c>count</c> copies of it
/// (each its own id and address) are queued in one transaction, as the consumers would have queued them, and the
/// staff reply is posted on that request at once. Figures from the emails table: the reply's QueuedAt → SentAt with the
/// burst still unsent before it, and the burst's emails/s from its commit to its last SentAt.
/// Queuing the burst in the database is what makes it a burst: posted requests reach the queue only as fast as the
/// intake and the relay bring them, and the sender keeps up with that, so it would measure the pipeline instead.
/// </summary>
internal static class EmailBurstDriver
{
    public static async Task<int> RunAsync(string[] args)
    {
        var gateway = args[0];
        var notificationDb = args[1];
        var count = int.Parse(args[2], CultureInfo.InvariantCulture);
        var ackBound = TimeSpan.FromSeconds(args.Length > 3 ? int.Parse(args[3], CultureInfo.InvariantCulture) : 120);
        var sendBound = TimeSpan.FromSeconds(args.Length > 4 ? int.Parse(args[4], CultureInfo.InvariantCulture) : 120);
        var tag = $"p8-{DateTime.UtcNow:HHmmss}";
        var figures = new Dictionary<string, object?> { ["burst"] = count };

        using var intake = new Intake(gateway);
        await intake.SignInAsync();
        await using var db = NpgsqlDataSource.Create(notificationDb);

        var (status, requestId) = await intake.SubmitAsync(tag, 0);
        figures["requestStatus"] = (int)status;
        if (status != HttpStatusCode.Accepted)
        {
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return 1;
        }

        // The request's own acknowledgement is the template of the burst.
        Guid? template = null;
        var waiting = Stopwatch.StartNew();
        while (template is null && waiting.Elapsed < ackBound)
        {
            await using var find = db.CreateCommand("""SELECT "Id" FROM emails WHERE "Kind" = 'RequestAcknowledgement' AND "CaseId" = $1""");
            find.Parameters.Add(new() { Value = requestId });
            template = await find.ExecuteScalarAsync() as Guid?;
            if (template is null)
            {
                await Task.Delay(200);
            }
        }

        if (template is null)
        {
            figures["error"] = "the request's acknowledgement never reached notificationdb";
            Console.WriteLine(JsonSerializer.Serialize(figures));
            return 1;
        }

        var pattern = $"{tag}-burst-%";
        DateTime committedAt;
        await using (var queue = db.CreateCommand("""
            WITH queued AS (
            INSERT INTO emails
            SELECT (jsonb_populate_record(NULL::emails, to_jsonb(e) || jsonb_build_object(
                'Id', gen_random_uuid(), 'SourceMessageId', gen_random_uuid(), 'CaseId', NULL, 'RegardingId', NULL,
                'To', $2 || '-burst-' || i || '@example.test', 'Status', 'Queued', 'Attempts', 0, 'LastError', NULL,
                'QueuedAt', now(), 'NextAttemptAt', now(), 'SentAt', NULL))).*
            FROM emails e, generate_series(1, $3) AS i
            WHERE e."Id" = $1
            RETURNING 1)
            SELECT now() FROM queued LIMIT 1
            """))
        {
            queue.Parameters.Add(new() { Value = template.Value });
            queue.Parameters.Add(new() { Value = tag });
            queue.Parameters.Add(new() { Value = count });
            committedAt = (DateTime)(await queue.ExecuteScalarAsync())!;
        }

        // The staff reply, posted the moment the burst is queued: it must not wait behind it.
        var replyStatus = await intake.ReplyAsync(requestId, $"Réponse {tag} : nous revenons vers vous avec un devis.");
        figures["replyStatus"] = (int)replyStatus;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < sendBound)
        {
            await using var command = db.CreateCommand("""
                SELECT EXTRACT(EPOCH FROM (r."SentAt" - r."QueuedAt")) * 1000,
                       (SELECT count(*) FROM emails b WHERE b."To" LIKE $2 AND (b."SentAt" IS NULL OR b."SentAt" > r."QueuedAt"))
                FROM emails r WHERE r."Kind" = 'StaffReply' AND r."CaseId" = $1 AND r."SentAt" IS NOT NULL
                """);
            command.Parameters.Add(new() { Value = requestId });
            command.Parameters.Add(new() { Value = pattern });
            await using var reader = await command.ExecuteReaderAsync();
            if (await reader.ReadAsync())
            {
                figures["replyQueuedToSentMs"] = Math.Round((double)reader.GetDecimal(0), 1);
                figures["burstUnsentWhenReplyQueued"] = reader.GetInt64(1);
                break;
            }

            await reader.DisposeAsync();
            await Task.Delay(100);
        }

        figures["replyPostToSentSeconds"] = figures.ContainsKey("replyQueuedToSentMs") ? Math.Round(watch.Elapsed.TotalSeconds, 1) : null;

        // Then the rest of the burst, bounded; the rate runs from the burst's commit to its last SentAt.
        long sent = 0;
        while (watch.Elapsed < sendBound)
        {
            await using var progress = db.CreateCommand("""SELECT count("SentAt") FROM emails WHERE "To" LIKE $1""");
            progress.Parameters.Add(new() { Value = pattern });
            sent = (long)(await progress.ExecuteScalarAsync())!;
            if (sent >= count)
            {
                break;
            }

            await Task.Delay(250);
        }

        await using (var span = db.CreateCommand("""
            SELECT count("SentAt"), count(*) FILTER (WHERE "Status" = 'Failed'), EXTRACT(EPOCH FROM (max("SentAt") - $2))
            FROM emails WHERE "To" LIKE $1
            """))
        {
            span.Parameters.Add(new() { Value = pattern });
            span.Parameters.Add(new() { Value = committedAt });
            await using var reader = await span.ExecuteReaderAsync();
            await reader.ReadAsync();
            sent = reader.GetInt64(0);
            var seconds = reader.IsDBNull(2) ? 0 : (double)reader.GetDecimal(2);
            figures["burstSent"] = sent;
            figures["burstFailed"] = reader.GetInt64(1);
            figures["burstSeconds"] = Math.Round(seconds, 1);
            figures["burstEmailsPerSecond"] = seconds > 0 && sent == count ? Math.Round(sent / seconds, 1) : null;
        }

        Console.WriteLine(JsonSerializer.Serialize(figures));
        return 0;
    }
}
