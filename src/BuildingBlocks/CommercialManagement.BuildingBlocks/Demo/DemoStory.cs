using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.BuildingBlocks.Demo;

/// <summary>
/// A service's part of the demo story (<see cref="DemoCases"/>), played through its own domain as staff would: it
/// waits for what the other services do first (a case copied from an event, a quote accepted), advances each demo
/// case one step at a time, and stops once its part is played. Development only; idempotent across restarts.
/// </summary>
public abstract partial class DemoStory(IServiceScopeFactory scopes, IHostEnvironment environment, ILogger logger) : BackgroundService
{
    private static readonly TimeSpan Tick = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan GiveUpAfter = TimeSpan.FromMinutes(10);

    /// <summary>The demo cases this service has a part in.</summary>
    protected abstract IEnumerable<DemoCase> Cases { get; }

    /// <summary>
    /// One step for a case, in a scope acting in the case's organisation: true once this service's part is played,
    /// false to be called again at the next tick (still waiting for another service, or more steps to take).
    /// </summary>
    protected abstract Task<bool> AdvanceAsync(IServiceProvider services, DemoCase demo, CancellationToken cancellationToken);

    protected override async Task ExecuteAsync(CancellationToken stoppingToken)
    {
        if (!environment.IsDevelopment())
        {
            return;
        }

        var pending = Cases.ToList();
        var giveUp = DateTimeOffset.UtcNow + GiveUpAfter;
        while (pending.Count > 0 && DateTimeOffset.UtcNow < giveUp && !stoppingToken.IsCancellationRequested)
        {
            foreach (var demo in pending.ToList())
            {
                try
                {
                    await using var scope = scopes.CreateAsyncScope();
                    scope.ServiceProvider.GetRequiredService<TenantContext>().Use(demo.OrganisationId);
                    if (await AdvanceAsync(scope.ServiceProvider, demo, stoppingToken))
                    {
                        pending.Remove(demo);
                    }
                }
                catch (Exception exception) when (exception is not OperationCanceledException)
                {
                    LogStepFailed(logger, exception, demo.Name);
                }
            }

            await Task.Delay(Tick, stoppingToken).ConfigureAwait(false);
        }

        if (pending.Count > 0)
        {
            LogUnfinished(logger, string.Join(", ", pending.Select(c => c.Name)));
        }
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Demo story: a step for {Name} failed; tried again at the next tick.")]
    private static partial void LogStepFailed(ILogger logger, Exception exception, string name);

    [LoggerMessage(Level = LogLevel.Information, Message = "Demo story: left unfinished for {Names} (the other services' part never came).")]
    private static partial void LogUnfinished(ILogger logger, string names);
}
