using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using Npgsql;

namespace CommercialManagement.Bench;

/// <summary>
/// What ./faults.sh checks from each service's own database, against what <see cref="FaultsLoad"/> was told was accepted.
/// <c>backlog</c>: how long after a fault ended every request accepted so far had its case in Dossier (and its
/// acknowledgement queued in Notification). <c>reconcile</c>: every accepted request has one Inbox row, one Dossier case
/// and one acknowledgement; every accepted quote line one row in Quote; every offline payment one ledger row in Payment,
/// and every sandbox payment the customer completed (the checkout page's success redirect) one ledger row of its payment
/// request (and, downstream, one payment counted by Dossier and one receipt queued by Notification); each figure per phase of the run
/// (phases.tsv: name, start, end), an item counted in the phase in which it was answered.
/// </summary>
internal static class FaultsReconcile
{
    private sealed record Item(double At, Guid Id, string Key);

    /// <summary>backlog OUT_DIR CONNECTION_STRING SINCE_EPOCH BOUND_SECONDS</summary>
    public static async Task<int> BacklogAsync(string[] args)
    {
        var outDir = args[0];
        var since = double.Parse(args[2], CultureInfo.InvariantCulture);
        var bound = TimeSpan.FromSeconds(double.Parse(args[3], CultureInfo.InvariantCulture));
        var requests = Read(outDir, "requests.tsv").Where(r => r.At <= since).ToList();
        await using var dossiers = Source(args[1], "dossierdb");
        await using var notifications = Source(args[1], "notificationdb");
        var missingCases = requests.Select(r => r.Id).ToHashSet();
        var missingAcks = requests.Select(r => r.Id).ToHashSet();
        double? casesAt = null;
        double? acksAt = null;
        var polls = 0;
        var errors = 0;
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < bound && (casesAt is null || acksAt is null))
        {
            polls++;
            try
            {
                if (casesAt is null)
                {
                    missingCases.ExceptWith(await IdsAsync(dossiers, """SELECT "Id" FROM dossiers WHERE "Id" = ANY($1)""", missingCases));
                    casesAt = missingCases.Count == 0 ? Epoch() : null;
                }

                if (acksAt is null)
                {
                    missingAcks.ExceptWith(await IdsAsync(notifications, """SELECT "CaseId" FROM emails WHERE "Kind" = 'RequestAcknowledgement' AND "CaseId" = ANY($1)""", missingAcks));
                    acksAt = missingAcks.Count == 0 ? Epoch() : null;
                }
            }
            catch (Exception exception) when (exception is NpgsqlException or TimeoutException)
            {
                errors++;
            }

            if (casesAt is null || acksAt is null)
            {
                await Task.Delay(200);
            }
        }

        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["requests"] = requests.Count,
            // Drained at the first poll that found everything: 0 when it was so at the fault's end already.
            ["casesSeconds"] = casesAt is { } c ? Math.Round(Math.Max(0, c - since), 1) : null,
            ["acksSeconds"] = acksAt is { } a ? Math.Round(Math.Max(0, a - since), 1) : null,
            ["missingCases"] = missingCases.Count,
            ["missingAcks"] = missingAcks.Count,
            ["polls"] = polls,
            ["pollErrors"] = errors,
            ["boundSeconds"] = bound.TotalSeconds,
        }));
        return 0;
    }

    /// <summary>reconcile OUT_DIR CONNECTION_STRING: prints one JSON object; exit code 1 when anything is lost or doubled.</summary>
    public static async Task<int> ReconcileAsync(string[] args)
    {
        var outDir = args[0];
        var requests = Read(outDir, "requests.tsv");
        var lines = Read(outDir, "lines.tsv");
        var payments = Read(outDir, "payments.tsv");
        // Sandbox payments by their payment request: the ledger row the webhook wrote carries it.
        var sandbox = Read(outDir, "sandbox-payments.tsv");
        var sandboxCases = Read(outDir, "sandbox-cases.tsv").Select(c => c.Id).ToHashSet();
        var failures = File.ReadLines(Path.Combine(outDir, "failures.tsv"))
            .Select(l => l.Split('\t')).Where(f => f.Length >= 3)
            .Select(f => (At: double.Parse(f[0], CultureInfo.InvariantCulture), Stream: f[1], What: f[2])).ToList();
        var phases = File.ReadLines(Path.Combine(outDir, "phases.tsv"))
            .Select(l => l.Split('\t')).Where(p => p.Length >= 3)
            .Select(p => (Name: p[0], Start: double.Parse(p[1], CultureInfo.InvariantCulture), End: double.Parse(p[2], CultureInfo.InvariantCulture)))
            .ToList();
        // The run's tag ("faults-HHmmss") starts every email, label and reference the driver wrote.
        var tag = requests.Count > 0 ? requests[0].Key[..requests[0].Key.IndexOf('-', "faults-".Length)] : "faults-none";

        await using var inbox = Source(args[1], "inboxdb");
        await using var dossier = Source(args[1], "dossierdb");
        await using var notification = Source(args[1], "notificationdb");
        await using var quote = Source(args[1], "quotedb");
        await using var payment = Source(args[1], "paymentdb");

        var requestIds = requests.Select(r => r.Id).ToHashSet();
        var lineIds = lines.Select(l => l.Id).ToHashSet();
        var paymentIds = payments.Select(p => p.Id).ToHashSet();
        var like = tag + "%";
        // The ledger rows of the sandbox's payment requests (one each, else doubled), and where they went downstream.
        var sandboxRows = await PairsAsync(payment, """SELECT "PaymentRequestId", "Id" FROM payments WHERE "PaymentRequestId" = ANY($1)""", sandbox.Select(s => s.Id));
        var sandboxPaymentIds = sandboxRows.Select(r => r.Payment).ToHashSet();
        HashSet<Guid> RequestsOf(HashSet<Guid> paymentIds) => sandboxRows.Where(r => paymentIds.Contains(r.Payment)).Select(r => r.Request).ToHashSet();

        // Lost: accepted, and not there. Doubled: one accepted thing written twice (the same email, label or reference).
        var checks = new List<(string Name, List<Item> Accepted, HashSet<Guid> Found, Dictionary<string, long> Doubled)>
        {
            ("requests in Inbox", requests,
                await IdsAsync(inbox, """SELECT "Id" FROM requests WHERE "Id" = ANY($1)""", requestIds),
                await CountsAsync(inbox, """SELECT "CustomerEmail", count(*) FROM requests WHERE "CustomerEmail" LIKE $1 GROUP BY 1 HAVING count(*) > 1""", like)),
            ("cases in Dossier", requests,
                await IdsAsync(dossier, """SELECT "Id" FROM dossiers WHERE "Id" = ANY($1)""", requestIds),
                await CountsAsync(dossier, """SELECT "CustomerEmail", count(*) FROM dossiers WHERE "CustomerEmail" LIKE $1 GROUP BY 1 HAVING count(*) > 1""", like)),
            ("acknowledgements in Notification", requests,
                await IdsAsync(notification, """SELECT "CaseId" FROM emails WHERE "Kind" = 'RequestAcknowledgement' AND "CaseId" = ANY($1)""", requestIds),
                await CountsAsync(notification, """SELECT "To", count(*) FROM emails WHERE "Kind" = 'RequestAcknowledgement' AND "To" LIKE $1 GROUP BY 1 HAVING count(*) > 1""", like)),
            ("quote lines in Quote", lines,
                await IdsAsync(quote, """SELECT "Id" FROM quote_lines WHERE "Id" = ANY($1)""", lineIds),
                await CountsAsync(quote, """SELECT "Label", count(*) FROM quote_lines WHERE "Label" LIKE $1 GROUP BY 1 HAVING count(*) > 1""", like)),
            ("payments in Payment's ledger", payments,
                await IdsAsync(payment, """SELECT "Id" FROM payments WHERE "Id" = ANY($1)""", paymentIds),
                await CountsAsync(payment, """SELECT "Reference", count(*) FROM payments WHERE "Reference" LIKE $1 GROUP BY 1 HAVING count(*) > 1""", like)),
            ("payments counted by Dossier", payments,
                await IdsAsync(dossier, """SELECT "Id" FROM dossier_payments WHERE "Id" = ANY($1)""", paymentIds), []),
            ("payment receipts in Notification", payments,
                await IdsAsync(notification, """SELECT "RegardingId" FROM emails WHERE "Kind" = 'PaymentReceipt' AND "RegardingId" = ANY($1)""", paymentIds),
                await CountsAsync(notification, """SELECT "RegardingId"::text, count(*) FROM emails WHERE "Kind" = 'PaymentReceipt' AND "RegardingId" = ANY($1) GROUP BY 1 HAVING count(*) > 1""", paymentIds.ToArray())),
            ("sandbox payments in Payment's ledger", sandbox, sandboxRows.Select(r => r.Request).ToHashSet(),
                sandboxRows.GroupBy(r => r.Request).Where(g => g.Count() > 1).ToDictionary(g => g.Key.ToString(), g => (long)g.Count())),
            ("sandbox payments counted by Dossier", sandbox,
                RequestsOf(await IdsAsync(dossier, """SELECT "Id" FROM dossier_payments WHERE "Id" = ANY($1)""", sandboxPaymentIds)), []),
            ("sandbox receipts in Notification", sandbox,
                RequestsOf(await IdsAsync(notification, """SELECT "RegardingId" FROM emails WHERE "Kind" = 'PaymentReceipt' AND "RegardingId" = ANY($1)""", sandboxPaymentIds)),
                await CountsAsync(notification, """SELECT "RegardingId"::text, count(*) FROM emails WHERE "Kind" = 'PaymentReceipt' AND "RegardingId" = ANY($1) GROUP BY 1 HAVING count(*) > 1""", sandboxPaymentIds.ToArray())),
        };

        string PhaseOf(double at) => phases.FirstOrDefault(p => at >= p.Start && at < p.End).Name ?? "outside the phases";
        var byKey = requests.Concat(lines).Concat(payments).GroupBy(i => i.Key).ToDictionary(g => g.Key, g => g.First().At);
        var byId = payments.Concat(sandbox).GroupBy(p => p.Id.ToString()).ToDictionary(g => g.Key, g => g.First().At);
        foreach (var (request, paymentId) in sandboxRows)
        {
            // A receipt written twice names the payment: counted when its sandbox payment was answered.
            byId.TryAdd(paymentId.ToString(), byId[request.ToString()]);
        }


        var rows = new List<Dictionary<string, object>>();
        foreach (var phase in phases.Select(p => p.Name).Append("outside the phases").Append("whole run"))
        {
            bool In(double at) => phase == "whole run" || PhaseOf(at) == phase;
            var row = new Dictionary<string, object>
            {
                ["phase"] = phase,
                ["requests"] = requests.Count(r => In(r.At)),
                ["lines"] = lines.Count(l => In(l.At)),
                ["payments"] = payments.Count(p => In(p.At)),
                ["sandbox"] = sandbox.Count(p => In(p.At)),
                ["refused"] = failures.Where(f => In(f.At)).GroupBy(f => $"{f.Stream} {f.What}").OrderBy(g => g.Key).ToDictionary(g => g.Key, g => g.Count()),
            };
            var lost = new Dictionary<string, int>();
            var doubled = new Dictionary<string, long>();
            foreach (var (name, accepted, found, twice) in checks)
            {
                lost[name] = accepted.Count(a => In(a.At) && !found.Contains(a.Id));
                // A doubled thing the driver never heard accepted (its answer lost) counts in the whole run only.
                doubled[name] = twice.Where(d => (byKey.TryGetValue(d.Key, out var at) || byId.TryGetValue(d.Key, out at)) ? In(at) : phase == "whole run")
                    .Sum(d => d.Value - 1);
            }

            row["lost"] = lost;
            row["doubled"] = doubled;
            if (phase != "outside the phases" || (int)row["requests"] + (int)row["lines"] + (int)row["payments"] + (int)row["sandbox"] > 0)
            {
                rows.Add(row);
            }
        }

        // Written but never answered (a request cut by a gateway killed mid-flight): more rows than accepted, not a loss.
        var unanswered = new Dictionary<string, long>
        {
            ["requests"] = await CountAsync(inbox, """SELECT count(*) FROM requests WHERE "CustomerEmail" LIKE $1""", like) - requests.Count,
            ["lines"] = await CountAsync(quote, """SELECT count(*) FROM quote_lines WHERE "Label" LIKE $1""", like) - lines.Count,
            ["payments"] = await CountAsync(payment, """SELECT count(*) FROM payments WHERE "Reference" LIKE $1""", like) - payments.Count,
            // Paid through the sandbox on the stream's cases, the customer never seeing the success page (a 502, a cut answer).
            ["sandbox payments"] = await CountAsync(payment, """SELECT count(*) FROM payments WHERE "PaymentRequestId" IS NOT NULL AND "RequestId" = ANY($1)""", sandboxCases.ToArray())
                - sandboxRows.Count,
        };

        var whole = rows.Single(r => (string)r["phase"] == "whole run");
        var lostTotal = ((Dictionary<string, int>)whole["lost"]).Values.Sum();
        var doubledTotal = ((Dictionary<string, long>)whole["doubled"]).Values.Sum();
        var samples = checks.ToDictionary(c => c.Name, c => c.Accepted.Where(a => !c.Found.Contains(a.Id)).Take(5).Select(a => a.Id.ToString()).ToList());
        Console.WriteLine(JsonSerializer.Serialize(new Dictionary<string, object>
        {
            ["tag"] = tag,
            ["phases"] = rows,
            ["writtenButUnanswered"] = unanswered,
            ["lostSamples"] = samples.Where(s => s.Value.Count > 0).ToDictionary(s => s.Key, s => s.Value),
            ["lost"] = lostTotal,
            ["doubled"] = doubledTotal,
        }));
        return lostTotal == 0 && doubledTotal == 0 ? 0 : 1;
    }

    private static List<Item> Read(string outDir, string file)
    {
        var path = Path.Combine(outDir, file);
        return !File.Exists(path) ? [] : File.ReadLines(path)
            .Select(l => l.Split('\t'))
            .Where(f => f.Length >= 3 && Guid.TryParse(f[1], out _))
            .Select(f => new Item(double.Parse(f[0], CultureInfo.InvariantCulture), Guid.Parse(f[1]), f[2]))
            .ToList();
    }

    private static double Epoch() => DateTimeOffset.UtcNow.ToUnixTimeMilliseconds() / 1000.0;

    private static NpgsqlDataSource Source(string connectionString, string database) =>
        NpgsqlDataSource.Create(new NpgsqlConnectionStringBuilder(connectionString) { Database = database, Timeout = 5, CommandTimeout = 120 }.ConnectionString);

    private static async Task<HashSet<Guid>> IdsAsync(NpgsqlDataSource source, string sql, IEnumerable<Guid> ids)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new() { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var found = new HashSet<Guid>();
        while (await reader.ReadAsync())
        {
            found.Add(reader.GetGuid(0));
        }

        return found;
    }

    private static async Task<Dictionary<string, long>> CountsAsync(NpgsqlDataSource source, string sql, object parameter)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        await using var reader = await command.ExecuteReaderAsync();
        var counts = new Dictionary<string, long>();
        while (await reader.ReadAsync())
        {
            counts[reader.GetString(0)] = reader.GetInt64(1);
        }

        return counts;
    }

    private static async Task<List<(Guid Request, Guid Payment)>> PairsAsync(NpgsqlDataSource source, string sql, IEnumerable<Guid> ids)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new() { Value = ids.ToArray() });
        await using var reader = await command.ExecuteReaderAsync();
        var pairs = new List<(Guid, Guid)>();
        while (await reader.ReadAsync())
        {
            pairs.Add((reader.GetGuid(0), reader.GetGuid(1)));
        }

        return pairs;
    }

    private static async Task<long> CountAsync(NpgsqlDataSource source, string sql, object parameter)
    {
        await using var command = source.CreateCommand(sql);
        command.Parameters.Add(new() { Value = parameter });
        return (long)(await command.ExecuteScalarAsync())!;
    }
}
