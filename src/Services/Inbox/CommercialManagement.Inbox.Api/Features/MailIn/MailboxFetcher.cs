using System.Collections.Concurrent;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Keeps one <see cref="MailboxWatcher"/> running for each organisation's enabled reply mailbox (issue 18): it reads the
/// settings every <see cref="MailInOptions.SettingsInterval"/>, starts a watcher for a mailbox switched on, and stops
/// (then restarts) one whose settings changed. Across instances, a mailbox is watched by one at a time: the watcher
/// holds a PostgreSQL advisory lock for it while it runs, and an instance that cannot take it leaves the mailbox alone
/// until its next look. A database that does not answer only delays the next look.
/// </summary>
internal sealed partial class MailboxFetcher(
    IServiceScopeFactory scopes, IOptions<MailInOptions> options, MailboxWatcherFactory watchers, ILogger<MailboxFetcher> logger)
    : BackgroundService
{
    private readonly ConcurrentDictionary<Guid, Running> _running = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!options.Value.FetchEnabled)
        {
            return;
        }

        try
        {
            while (!stoppingToken.IsCancellationRequested)
            {
                try
                {
                    await LookAsync(stoppingToken);
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogLookFailed(exception);
                }

                await Task.Delay(options.Value.SettingsInterval, stoppingToken);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
            // Stopping.
        }
        finally
        {
            foreach (var running in _running.Values)
            {
                await running.Cancellation.CancelAsync();
            }

            await Task.WhenAll(_running.Values.Select(r => r.Task));
        }
    }

    private async Task LookAsync(CancellationToken stoppingToken)
    {
        List<(Guid OrganisationId, DateTimeOffset ChangedAt)> enabled;
        await using (var scope = scopes.CreateAsyncScope())
        {
            var db = scope.ServiceProvider.GetRequiredService<InboxDbContext>();
            enabled = (await db.Mailboxes.IgnoreQueryFilters().AsNoTracking()
                .Where(m => m.Enabled)
                .Select(m => new { m.OrganisationId, m.ChangedAt })
                .ToListAsync(stoppingToken))
                .Select(m => (m.OrganisationId, m.ChangedAt)).ToList();
        }

        foreach (var (organisationId, running) in _running)
        {
            var settings = enabled.FirstOrDefault(m => m.OrganisationId == organisationId);
            if (running.Task.IsCompleted || settings.OrganisationId == Guid.Empty || settings.ChangedAt != running.ChangedAt)
            {
                // Switched off, changed (it starts again below with the new settings), or it gave up the lock.
                await running.Cancellation.CancelAsync();
                await running.Task;
                running.Cancellation.Dispose();
                _running.TryRemove(organisationId, out _);
            }
        }

        foreach (var (organisationId, changedAt) in enabled.Where(m => !_running.ContainsKey(m.OrganisationId)))
        {
            var cancellation = CancellationTokenSource.CreateLinkedTokenSource(stoppingToken);
            var watcher = watchers.Create(organisationId);
            _running[organisationId] = new Running(changedAt, cancellation, Task.Run(() => watcher.RunAsync(cancellation.Token), CancellationToken.None));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "The reply mailboxes' settings could not be read; the next look tries again")]
    private partial void LogLookFailed(Exception exception);

    private sealed record Running(DateTimeOffset ChangedAt, CancellationTokenSource Cancellation, Task Task);
}
