using MailKit;
using MailKit.Net.Imap;
using Npgsql;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>What the watcher does in the open folder: take the new emails, mark them, wait for more.</summary>
internal sealed partial class MailboxWatcher
{
    /// <summary>Every email past the last UID stored, in UID order, each stored in its own transaction before it is marked.</summary>
    private async Task TakeNewAsync(IMailFolder folder, IMailFolder? processed, CancellationToken cancellationToken)
    {
        var uidValidity = folder.UidValidity;
        var last = await RecordAsync(mailbox => mailbox.Opened(uidValidity), cancellationToken);
        if (folder.Count == 0)
        {
            // As the last SELECT counted it; the next look selects again.
            return;
        }

        var from = new UniqueId(uidValidity, (uint)Math.Min(uint.MaxValue - 1, last + 1));
        var summaries = await folder.FetchAsync(
            new UniqueIdRange(from, UniqueId.MaxValue),
            new FetchRequest(MessageSummaryItems.UniqueId | MessageSummaryItems.Size | MessageSummaryItems.InternalDate),
            cancellationToken);
        // "n:*" always answers the last email, even when its UID is below n: only the new ones count.
        foreach (var summary in summaries.Where(s => s.UniqueId.Id > last).OrderBy(s => s.UniqueId.Id))
        {
            var size = summary.Size ?? 0;
            byte[] raw;
            var truncated = size > options.MaxEmailBytes;
            if (truncated)
            {
                var headers = await folder.GetHeadersAsync(summary.UniqueId, cancellationToken);
                using var buffer = new MemoryStream();
                await headers.WriteToAsync(buffer, cancellationToken);
                raw = buffer.ToArray();
            }
            else
            {
                await using var stream = await folder.GetStreamAsync(summary.UniqueId, cancellationToken);
                using var buffer = new MemoryStream();
                await stream.CopyToAsync(buffer, cancellationToken);
                raw = buffer.ToArray();
            }

            var fetched = new FetchedEmail(organisationId, uidValidity, summary.UniqueId.Id, raw, truncated, size, summary.InternalDate ?? time.GetUtcNow());
            try
            {
                await processor.ProcessAsync(fetched, cancellationToken);
            }
            catch (Exception exception) when (!IsTransient(exception, cancellationToken) && CountFailure(summary.UniqueId.Id) < MaxAttemptsPerEmail)
            {
                // Tried again at the next look; past MaxAttemptsPerEmail it is kept aside (below) rather than hold the mailbox.
                throw;
            }
            catch (Exception exception) when (!IsTransient(exception, cancellationToken))
            {
                LogKeptAside(exception, organisationId, summary.UniqueId.Id);
                await processor.KeepUnprocessedAsync(fetched, exception, cancellationToken);
            }

            _failures.Remove(summary.UniqueId.Id);
            await MarkTakenAsync(folder, processed, summary.UniqueId, cancellationToken);
        }
    }

    /// <summary>How many times an email may fail to be taken (not for a database or network failure) before it is kept aside.</summary>
    public const int MaxAttemptsPerEmail = 3;

    /// <summary>Failures per UID of emails that could not be taken, for <see cref="MaxAttemptsPerEmail"/>.</summary>
    private readonly Dictionary<uint, int> _failures = [];

    private int CountFailure(uint uid) => _failures[uid] = _failures.GetValueOrDefault(uid) + 1;

    /// <summary>A database, network or server hiccup: the email is not at fault and is tried again, however often.</summary>
    private static bool IsTransient(Exception exception, CancellationToken cancellationToken) =>
        cancellationToken.IsCancellationRequested
        || exception is NpgsqlException or TimeoutException or IOException or OperationCanceledException or ImapProtocolException
        || exception.InnerException is NpgsqlException or TimeoutException;

    /// <summary>Read, or moved to the processed folder: what a person looking at the mailbox sees was taken. Stored already, so a failure here loses nothing.</summary>
    private async Task MarkTakenAsync(IMailFolder folder, IMailFolder? processed, UniqueId uid, CancellationToken cancellationToken)
    {
        try
        {
            await folder.AddFlagsAsync(uid, MessageFlags.Seen, true, cancellationToken);
            if (processed is not null)
            {
                await folder.MoveToAsync(uid, processed, cancellationToken);
            }
        }
        catch (Exception exception) when (exception is not OperationCanceledException && exception is not IOException && exception is not ImapProtocolException)
        {
            LogMarkFailed(exception, organisationId, uid.Id);
        }
    }

    /// <summary>IDLE until the server says the folder changed, at most the poll interval; a plain wait when it cannot IDLE.</summary>
    private async Task WaitForMailAsync(ImapClient client, IMailFolder folder, CancellationToken cancellationToken)
    {
        if (!client.Capabilities.HasFlag(ImapCapabilities.Idle))
        {
            await Task.Delay(options.PollInterval, time, cancellationToken);
            await client.NoOpAsync(cancellationToken);
            return;
        }

        using var done = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        done.CancelAfter(options.PollInterval);
        void Arrived(object? sender, EventArgs e) => done.Cancel();
        folder.CountChanged += Arrived;
        try
        {
            await client.IdleAsync(done.Token, cancellationToken);
        }
        finally
        {
            folder.CountChanged -= Arrived;
        }
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Email {Uid} of organisation {OrganisationId}'s mailbox failed again and again: kept aside, unprocessed")]
    private partial void LogKeptAside(Exception exception, Guid organisationId, uint uid);

    [LoggerMessage(Level = LogLevel.Warning, Message = "Email {Uid} of organisation {OrganisationId}'s mailbox is stored but could not be marked as taken")]
    private partial void LogMarkFailed(Exception exception, Guid organisationId, uint uid);
}
