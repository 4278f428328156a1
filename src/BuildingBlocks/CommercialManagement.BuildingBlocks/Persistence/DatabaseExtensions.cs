using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.BuildingBlocks.Tenancy;
using Microsoft.AspNetCore.Builder;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.BuildingBlocks.Persistence;

public static class DatabaseExtensions
{
    /// <summary>
    /// <c>Database:MigrateOnly=true</c> (environment <c>Database__MigrateOnly=true</c>): the process applies its migrations and
    /// exits without serving, as a deployment's migration job runs it before the service takes traffic.
    /// </summary>
    public const string MigrateOnlySetting = "Database:MigrateOnly";

    /// <summary>
    /// The service's own PostgreSQL database from ConnectionStrings__<paramref name="connectionName"/>,
    /// with the outbox signal, a readiness health check, and the service's scheduler on it with its housekeeping job.
    /// </summary>
    public static IHostApplicationBuilder AddServiceDatabase<TDbContext>(this IHostApplicationBuilder builder, string connectionName)
        where TDbContext : DbContext
    {
        var connectionString = builder.Configuration.GetConnectionString(connectionName);
        if (string.IsNullOrWhiteSpace(connectionString))
        {
            throw new InvalidOperationException(
                $"ConnectionStrings__{connectionName} is not set: the service cannot reach its database.");
        }

        builder.Services.AddHttpContextAccessor();
        builder.Services.TryAddScoped<TenantContext>();
        builder.Services.TryAddSingleton<OutboxSignal>();
        builder.Services.TryAddSingleton<OutboxSignalInterceptor>();
        builder.Services.TryAddSingleton<NoAutoSavepointsInterceptor>();
        var tuned = ConnectionTuning.Apply(connectionString);
        builder.Services.AddDbContext<TDbContext>((provider, options) => options
            .UseNpgsql(tuned, npgsql => npgsql.MigrationsHistoryTable("__ef_migrations_history"))
            .AddInterceptors(provider.GetRequiredService<OutboxSignalInterceptor>(), provider.GetRequiredService<NoAutoSavepointsInterceptor>()));
        // Aspire's Npgsql EF Core integration on the context registered above: its health check (a query through the context),
        // Npgsql's traces and metrics. Not its retrying execution strategy: our handlers open their own transactions, which
        // that strategy refuses; a failed transaction is retried whole by the consumer's retries or by the caller instead.
        builder.EnrichNpgsqlDbContext<TDbContext>(settings => settings.DisableRetry = true);
        // The service's scheduler shares its database (ADR 0023); its first job is the housekeeping.
        builder.AddScheduler(connectionName);
        builder.Services.AddHousekeeping(builder.Configuration);
        if (!builder.Services.Any(s => s.ImplementationType == typeof(ConcurrentChangeHandler)))
        {
            builder.Services.AddExceptionHandler<ConcurrentChangeHandler>();
        }

        return builder;
    }

    /// <summary>Applies the migrations before the service takes traffic (the database is created if missing).</summary>
    public static async Task MigrateDatabaseAsync<TDbContext>(this WebApplication app)
        where TDbContext : DbContext
    {
        await using var scope = app.Services.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<TDbContext>();
        var logger = scope.ServiceProvider.GetRequiredService<ILoggerFactory>().CreateLogger("Migrations");
        var attempt = 0;
        while (true)
        {
            try
            {
                await db.Database.MigrateAsync();
                if (app.StartedToMigrateOnly())
                {
                    logger.LogInformation("{Setting}: the migrations of {Context} are applied; the process exits without serving", MigrateOnlySetting, typeof(TDbContext).Name);
                }

                return;
            }
            catch (Exception exception) when (++attempt < 10)
            {
                // Two services creating their databases at once, or a server still starting: try again shortly.
                logger.LogWarning(exception, "Migration of {Context} failed (attempt {Attempt}); retrying", typeof(TDbContext).Name, attempt);
                await Task.Delay(TimeSpan.FromSeconds(attempt));
            }
        }
    }

    /// <summary>True when the process was started to apply its migrations only (<see cref="MigrateOnlySetting"/>): it stops after them.</summary>
    public static bool StartedToMigrateOnly(this WebApplication app) => app.Configuration.GetValue(MigrateOnlySetting, false);
}
