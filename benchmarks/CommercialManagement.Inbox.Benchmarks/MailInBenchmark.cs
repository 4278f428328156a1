using System.Diagnostics;
using System.Globalization;
using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using MailKit;
using MailKit.Net.Imap;
using MailKit.Net.Smtp;
using Xunit;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>
/// The reply-mailbox fetch of issue 18 (MailboxFetcher, MailboxWatcher, InboundMailProcessor), in process on a real
/// PostgreSQL against a real IMAP server (smtp4dev, as in the service tests). At rest: an Inbox host with three enabled
/// mailboxes and nothing arriving, its CPU and its database's commits over a window, beside the same host with the
/// fetcher off. Under a burst: N customer replies waiting in one mailbox, then the mailbox switched on, the time until
/// every one is in its conversation, beside a plain MailKit + Npgsql loop over the same emails.
/// Run: dotnet run -c Release --project benchmarks/CommercialManagement.Inbox.Benchmarks -- mailin [burst=500] [settle=20] [window=60]
/// </summary>
internal static class MailInBenchmark
{
    private const string CountTaken = "SELECT count(*) FROM inbound_emails WHERE \"OrganisationId\" = @p0";

    public static async Task RunAsync(string[] args)
    {
        var burst = args.Length > 0 ? int.Parse(args[0], CultureInfo.InvariantCulture) : 500;
        var settle = TimeSpan.FromSeconds(args.Length > 1 ? int.Parse(args[1], CultureInfo.InvariantCulture) : 20);
        var window = TimeSpan.FromSeconds(args.Length > 2 ? int.Parse(args[2], CultureInfo.InvariantCulture) : 60);
        if (burst > 900)
        {
            // The test kit's smtp4dev keeps the last 1,000 messages.
            throw new ArgumentOutOfRangeException(nameof(args), "At most 900 emails per burst.");
        }

        // Outside a test project, WebApplicationFactory needs to be told where the service's content root is.
        Environment.SetEnvironmentVariable(
            "ASPNETCORE_TEST_CONTENTROOT_COMMERCIALMANAGEMENT_INBOX_API",
            Path.Combine(RepositoryRoot.Path, "src", "Services", "Inbox", "CommercialManagement.Inbox.Api"));
        var postgres = await PostgresServer.GetAsync();
        var imap = await ImapServer.GetAsync();
        var imapMarker = $"--imapport={imap.ImapPort.ToString(CultureInfo.InvariantCulture)}";
        Console.WriteLine($"{Environment.ProcessorCount} cores; the test kit's PostgreSQL and smtp4dev (IMAP port {imap.ImapPort}); load average {Measures.LoadAverage()} (1, 5, 15 min)");

        Console.WriteLine($"-- at rest: 3 enabled mailboxes, nothing arriving, {settle.TotalSeconds:F0} s settle then {window.TotalSeconds:F0} s sampled");
        // Off, on, off: the anchor on both sides, so that whatever drifts over the run (the JIT's later tiers, the load of
        // the machine) does not land on one side only.
        var off1 = await AtRestAsync(fetch: false, imap, postgres, imapMarker, settle, window);
        var on = await AtRestAsync(fetch: true, imap, postgres, imapMarker, settle, window);
        var off2 = await AtRestAsync(fetch: false, imap, postgres, imapMarker, settle, window);
        var off = new AtRest(
            (off1.CpuPercent + off2.CpuPercent) / 2, (off1.CommitsPerSecond + off2.CommitsPerSecond) / 2, (off1.ImapCpuPercent + off2.ImapCpuPercent) / 2);
        Console.WriteLine($"the fetcher's cost at rest (on - mean of the offs): {on.CpuPercent - off.CpuPercent:F2} % of a core, {on.CommitsPerSecond - off.CommitsPerSecond:F2} commits/s, smtp4dev {on.ImapCpuPercent - off.ImapCpuPercent:F2} % of a core");

        await BurstAsync(burst, imap, postgres, imapMarker);
    }

    private sealed record AtRest(double CpuPercent, double CommitsPerSecond, double ImapCpuPercent);

    private static async Task<AtRest> AtRestAsync(
        bool fetch, ImapServer imap, PostgresServer postgres, string imapMarker, TimeSpan settle, TimeSpan window)
    {
        var label = fetch ? "fetcher on " : "fetcher off";
        await using var host = new MailInHost(fetch);
        await ((IAsyncLifetime)host).InitializeAsync();
        host.CreateStaffClient(Guid.NewGuid()).Dispose(); // starts the service, which migrates its database
        var organisations = new List<(Guid Id, ImapMailbox Mailbox)>();
        for (var i = 0; i < 3; i++)
        {
            // One email read long ago in each, so that every look finds a folder that is not empty (UID FETCH n:* answers it).
            var organisation = Guid.NewGuid();
            var mailbox = imap.TakeMailbox();
            await imap.SendAsync(CustomerReplies.Reply(i, "Camille Durand", $"camille.{i}@example.fr", mailbox.ReplyAddress, "<devis-1@valneve.example>"));
            await SaveMailboxAsync(host, organisation, imap, mailbox, enabled: true);
            organisations.Add((organisation, mailbox));
        }

        if (fetch)
        {
            // Each mailbox's email taken: the watchers are running and past their first look.
            var deadline = DateTime.UtcNow.AddSeconds(90);
            while (await Measures.CountAsync(host.ConnectionString, "SELECT count(*) FROM inbound_emails") < 3 && DateTime.UtcNow < deadline)
            {
                await Task.Delay(500);
            }
        }

        await Task.Delay(settle);
        var database = Measures.Database(host.ConnectionString);
        var load = Measures.LoadAverage();
        var (cpu, imapCpu, commits) = (Measures.OwnCpu(), Measures.CpuOf(imapMarker), await Measures.CommitsAsync(postgres.AdminConnectionString, database));
        var watch = Stopwatch.StartNew();
        await Task.Delay(window);
        var seconds = watch.Elapsed.TotalSeconds;
        var result = new AtRest(
            (Measures.OwnCpu() - cpu).TotalSeconds / seconds * 100,
            (await Measures.CommitsAsync(postgres.AdminConnectionString, database) - commits) / seconds,
            (Measures.CpuOf(imapMarker) - imapCpu).TotalSeconds / seconds * 100);
        var failing = await Measures.CountAsync(host.ConnectionString, "SELECT count(*) FROM mailboxes WHERE \"LastError\" IS NOT NULL OR \"ConsecutiveFailures\" > 0");
        var taken = await Measures.CountAsync(host.ConnectionString, "SELECT count(*) FROM inbound_emails");
        Console.WriteLine($"{label}: this process {result.CpuPercent,5:F2} % of a core, {result.CommitsPerSecond,5:F2} commits/s in its database, smtp4dev {result.ImapCpuPercent,5:F2} % of a core [{taken} emails taken, {failing} mailboxes failing] load average {load} -> {Measures.LoadAverage()}");
        foreach (var (organisation, mailbox) in organisations)
        {
            await SaveMailboxAsync(host, organisation, imap, mailbox, enabled: false);
        }

        return result;
    }

    private static async Task BurstAsync(int burst, ImapServer imap, PostgresServer postgres, string imapMarker)
    {
        Console.WriteLine($"-- under a burst: {burst} customer replies (Gmail-like, half with a {CustomerReplies.PdfBytes / 1024} KB PDF) waiting in one mailbox, then the mailbox switched on");
        await using var host = new MailInHost(fetch: true, settingsInterval: TimeSpan.FromSeconds(1));
        await ((IAsyncLifetime)host).InitializeAsync();
        var organisation = Guid.NewGuid();
        var mailbox = imap.TakeMailbox();
        await SaveMailboxAsync(host, organisation, imap, mailbox, enabled: false);

        // One request per customer (a reply each, as after a mailing of quotes): one sender's 21st email in an hour would
        // meet the loop breaker, which is not what a burst of customers looks like.
        var requests = await RequestsAsync(host, organisation, burst);
        var sending = Stopwatch.StartNew();
        await DeliverAsync(imap, mailbox, requests);
        Console.WriteLine($"{burst} emails delivered by SMTP in {sending.Elapsed.TotalSeconds:F1} s ({burst / sending.Elapsed.TotalSeconds:F1}/s)");

        var scratch = await postgres.CreateDatabaseAsync("mailin_anchor");
        Console.WriteLine($"load average {Measures.LoadAverage()} before the raw anchor");
        var before = await RawFetchAnchor.RunAsync(imap, mailbox, scratch, imapMarker);
        PrintAnchor("raw anchor (before)", before);

        var database = Measures.Database(host.ConnectionString);
        Console.WriteLine($"load average {Measures.LoadAverage()} before the fetch");
        var (cpu, imapCpu, commits) = (Measures.OwnCpu(), Measures.CpuOf(imapMarker), await Measures.CommitsAsync(postgres.AdminConnectionString, database));
        await SaveMailboxAsync(host, organisation, imap, mailbox, enabled: true);
        var watch = Stopwatch.StartNew();
        long taken = 0;
        var polls = 0;
        var progress = Stopwatch.StartNew();
        while (taken < burst && watch.Elapsed < TimeSpan.FromMinutes(15))
        {
            await Task.Delay(250);
            taken = await Measures.CountAsync(host.ConnectionString, CountTaken, organisation);
            polls++;
            if (progress.Elapsed > TimeSpan.FromSeconds(15))
            {
                Console.WriteLine($"  {taken} taken after {watch.Elapsed.TotalSeconds:F0} s");
                progress.Restart();
            }
        }

        var elapsed = watch.Elapsed;
        var fetchCpu = Measures.OwnCpu() - cpu;
        var fetchImapCpu = Measures.CpuOf(imapMarker) - imapCpu;
        // The benchmark's own polls are one commit each in that database: not the fetch's.
        var fetchCommits = await Measures.CommitsAsync(postgres.AdminConnectionString, database) - commits - polls;
        Console.WriteLine($"load average {Measures.LoadAverage()} after the fetch");
        await ReportFetchAsync(host, organisation, burst, taken, elapsed, fetchCpu, fetchImapCpu, fetchCommits);

        var after = await RawFetchAnchor.RunAsync(imap, mailbox, scratch, imapMarker);
        PrintAnchor("raw anchor (after)", after);
        Console.WriteLine($"load average {Measures.LoadAverage()} at the end");
        var rate = taken / elapsed.TotalSeconds;
        Console.WriteLine($"fetch / raw anchor: {rate / Rate(before) * 100:F1} % (before), {rate / Rate(after) * 100:F1} % (after); CPU per email {fetchCpu.TotalMilliseconds / Math.Max(1, taken):F1} ms against {before.Cpu.TotalMilliseconds / Math.Max(1, before.Emails):F1} and {after.Cpu.TotalMilliseconds / Math.Max(1, after.Emails):F1} ms");
    }

    private static async Task ReportFetchAsync(
        MailInHost host, Guid organisation, int burst, long taken, TimeSpan elapsed, TimeSpan cpu, TimeSpan imapCpu, long commits)
    {
        var cs = host.ConnectionString;
        var posted = await Measures.CountAsync(cs, "SELECT count(*) FROM inbound_emails WHERE \"OrganisationId\" = @p0 AND \"Outcome\" = 0", organisation);
        var inConversation = await Measures.CountAsync(cs, "SELECT count(*) FROM messages WHERE \"OrganisationId\" = @p0 AND \"InboundEmailId\" IS NOT NULL", organisation);
        var kept = await Measures.CountAsync(cs, "SELECT count(*) FROM message_attachments WHERE \"OrganisationId\" = @p0 AND \"RefusedReason\" IS NULL", organisation);
        var spanMs = await Measures.CountAsync(cs, "SELECT coalesce(extract(epoch FROM max(\"FetchedAt\") - min(\"FetchedAt\")) * 1000, 0)::bigint FROM inbound_emails WHERE \"OrganisationId\" = @p0", organisation);
        Console.WriteLine($"fetch: {taken} of {burst} taken in {elapsed.TotalSeconds:F1} s from the mailbox switched on: {taken / elapsed.TotalSeconds:F1} emails/s [{posted} posted to their conversation, {inConversation} conversation messages, {kept} PDFs kept]");
        Console.WriteLine($"fetch: first to last taken {spanMs / 1000.0:F1} s: {(taken - 1) / Math.Max(0.001, spanMs / 1000.0):F1} emails/s once started");
        Console.WriteLine($"fetch: this process {cpu.TotalSeconds:F1} s CPU ({cpu.TotalMilliseconds / Math.Max(1, taken):F1} ms per email, {cpu.TotalSeconds / elapsed.TotalSeconds * 100:F0} % of a core), smtp4dev {imapCpu.TotalSeconds:F1} s CPU ({imapCpu.TotalMilliseconds / Math.Max(1, taken):F1} ms per email), {commits} commits in the database ({commits / (double)Math.Max(1, taken):F1} per email)");
    }

    private static double Rate(AnchorResult anchor) => anchor.Emails / anchor.Elapsed.TotalSeconds;

    private static void PrintAnchor(string label, AnchorResult anchor) => Console.WriteLine(
        $"{label}: {anchor.Emails} emails ({anchor.Bytes / 1024.0 / 1024.0:F1} MB) in {anchor.Elapsed.TotalSeconds:F1} s: {Rate(anchor):F1} emails/s, this process {anchor.Cpu.TotalSeconds:F1} s CPU ({anchor.Cpu.TotalMilliseconds / Math.Max(1, anchor.Emails):F1} ms per email), smtp4dev {anchor.ImapCpu.TotalSeconds:F1} s CPU ({anchor.ImapCpu.TotalMilliseconds / Math.Max(1, anchor.Emails):F1} ms per email)");

    /// <summary>The settings an admin saves in « Paramètres › Réponses par e-mail » for this IMAP mailbox (no encryption: it runs here).</summary>
    private static async Task SaveMailboxAsync(MailInHost host, Guid organisation, ImapServer imap, ImapMailbox mailbox, bool enabled)
    {
        using var admin = host.CreateStaffClient(organisation, StaffClaims.AdminRole);
        var response = await admin.PutAsJsonAsync("/api/mailbox", new
        {
            enabled, replyAddress = mailbox.ReplyAddress, host = imap.Host, port = imap.ImapPort, security = "None",
            userName = mailbox.UserName, password = imap.Password, folder = "INBOX",
        });
        if (!response.IsSuccessStatusCode)
        {
            throw new InvalidOperationException($"Saving the mailbox answered {(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        }
    }

    private sealed record Customer(string Name, string Email, string ReplyToken);

    /// <summary>A request per customer, typed in by staff as from a phone call; its reply token read from its row.</summary>
    private static async Task<List<Customer>> RequestsAsync(MailInHost host, Guid organisation, int count)
    {
        var customers = new List<Customer>();
        for (var i = 0; i < count; i++)
        {
            using var staff = host.CreateStaffClient(organisation);
            var name = $"Client{i} Nom{i:x4}";
            var email = $"client.{i}@example.fr";
            (await staff.PostAsJsonAsync("/api/requests", new { name, email, phone = "06 99 00 00 00", adults = 2 })).EnsureSuccessStatusCode();
        }

        await using var connection = new Npgsql.NpgsqlConnection(host.ConnectionString);
        await connection.OpenAsync();
        await using var command = new Npgsql.NpgsqlCommand("SELECT \"CustomerName\", \"CustomerEmail\", \"ReplyToken\" FROM requests WHERE \"OrganisationId\" = @o", connection);
        command.Parameters.AddWithValue("o", organisation);
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            customers.Add(new Customer(reader.GetString(0), reader.GetString(1), reader.GetString(2)));
        }

        return customers.Count == count ? customers : throw new InvalidOperationException($"{customers.Count} requests, {count} expected.");
    }

    /// <summary>Each customer's reply by SMTP (a connection per hundred), then waits until the IMAP server shows them all.</summary>
    private static async Task DeliverAsync(ImapServer imap, ImapMailbox mailbox, List<Customer> customers)
    {
        for (var start = 0; start < customers.Count; start += 100)
        {
            using var smtp = new SmtpClient();
            await smtp.ConnectAsync(imap.Host, imap.SmtpPort, MailKit.Security.SecureSocketOptions.None);
            await smtp.AuthenticateAsync(mailbox.UserName, imap.Password);
            foreach (var (customer, index) in customers.Select((c, i) => (c, i)).Skip(start).Take(100))
            {
                await smtp.SendAsync(CustomerReplies.Reply(index, customer.Name, customer.Email, mailbox.Tagged(customer.ReplyToken), "<devis-1@valneve.example>"));
            }

            await smtp.DisconnectAsync(true);
        }

        var deadline = DateTime.UtcNow.AddMinutes(5);
        while (true)
        {
            using var client = new ImapClient { Timeout = 30_000 };
            await client.ConnectAsync(imap.Host, imap.ImapPort, MailKit.Security.SecureSocketOptions.None);
            await client.AuthenticateAsync(mailbox.UserName, imap.Password);
            await client.Inbox.OpenAsync(FolderAccess.ReadOnly);
            var count = client.Inbox.Count;
            await client.DisconnectAsync(true);
            if (count >= customers.Count)
            {
                return;
            }

            if (DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"The IMAP server shows {count} of {customers.Count} emails after 5 minutes.");
            }

            await Task.Delay(500);
        }
    }
}
