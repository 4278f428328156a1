using System.Collections.Concurrent;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// The AppHost does not restart a process that dies (DCP has no restart policy): a service killed under load stayed down
/// until a person noticed. This watches every project (each replica apart) and starts again one that ended with a
/// non-zero exit code (a crash, an out-of-memory kill, kill -9), after 1 s, then 2, 4… up to 30 s while it keeps dying.
/// A process stopped on purpose (the dashboard's Stop, exit code 0) stays stopped. The dashboard shows it as Exited,
/// with its exit code, for as long as it is down.
/// </summary>
internal sealed partial class ProcessSupervisor(
    ResourceNotificationService notifications,
    ResourceCommandService commands,
    IHostApplicationLifetime lifetime,
    ILogger<ProcessSupervisor> logger) : BackgroundService
{
    private static readonly TimeSpan MaximumBackoff = TimeSpan.FromSeconds(30);

    /// <summary>Consecutive crashes per replica: reset once it has run for a minute.</summary>
    private readonly ConcurrentDictionary<string, int> crashes = new();

    /// <summary>The replicas with a restart already on its way (a snapshot is published several times).</summary>
    private readonly ConcurrentDictionary<string, DateTime?> restarting = new();

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        await foreach (var change in notifications.WatchAsync(stoppingToken))
        {
            if (change.Resource is not ProjectResource)
            {
                continue;
            }

            var snapshot = change.Snapshot;
            if (snapshot.State?.Text == KnownResourceStates.Running && snapshot.StartTimeStamp is { } started
                && DateTime.UtcNow - started > TimeSpan.FromMinutes(1))
            {
                crashes.TryRemove(change.ResourceId, out _);
            }

            var ended = snapshot.State?.Text is { } state
                && (state == KnownResourceStates.Exited || state == KnownResourceStates.Finished);
            if (!ended || snapshot.ExitCode is null or 0 || lifetime.ApplicationStopping.IsCancellationRequested
                || !restarting.TryAdd(change.ResourceId, snapshot.StopTimeStamp))
            {
                continue;
            }

            var attempt = crashes.AddOrUpdate(change.ResourceId, 1, (_, count) => count + 1);
            var delay = TimeSpan.FromSeconds(Math.Min(Math.Pow(2, attempt - 1), MaximumBackoff.TotalSeconds));
            LogRestarting(change.ResourceId, snapshot.ExitCode.Value, delay.TotalSeconds);
            _ = RestartAsync(change.ResourceId, delay, stoppingToken);
        }
    }

    private async Task RestartAsync(string resourceId, TimeSpan delay, CancellationToken stoppingToken)
    {
        try
        {
            await Task.Delay(delay, stoppingToken);
            var result = await commands.ExecuteCommandAsync(resourceId, KnownResourceCommands.StartCommand, stoppingToken);
            if (!result.Success)
            {
                LogRestartFailed(resourceId, result.Message);
            }
        }
        catch (OperationCanceledException) when (stoppingToken.IsCancellationRequested)
        {
        }
        finally
        {
            restarting.TryRemove(resourceId, out _);
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "{Resource} ended with exit code {ExitCode}: starting it again in {Delay} s")]
    private partial void LogRestarting(string resource, int exitCode, double delay);

    [LoggerMessage(Level = LogLevel.Error, Message = "{Resource} could not be started again: {Error}")]
    private partial void LogRestartFailed(string resource, string? error);
}

internal static class ProcessSupervisorExtensions
{
    public static IDistributedApplicationBuilder AddProcessSupervisor(this IDistributedApplicationBuilder builder)
    {
        builder.Services.AddHostedService<ProcessSupervisor>();
        return builder;
    }
}
