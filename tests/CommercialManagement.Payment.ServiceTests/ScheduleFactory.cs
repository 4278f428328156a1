using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Payment.Api.Features.Schedule;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Time.Testing;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// The Payment service whose jobs read a fake clock (<see cref="Clock"/>, behind its <see cref="JobClock"/>; the rest of the
/// service keeps the real time, so tokens and the sandbox behave). With <c>runsScheduler</c> its Quartz scheduler runs, the
/// payment schedule every second: give it another factory's connection string for a second instance on the same store.
/// </summary>
public sealed class ScheduleFactory : ServiceFactory<Program>
{
    private readonly bool runsScheduler;

    public ScheduleFactory()
        : this(null, false, null)
    {
    }

    internal ScheduleFactory(string? connectionString, bool runsScheduler, FakeTimeProvider? clock)
        : base(ResourceNames.PaymentDb, connectionString)
    {
        this.runsScheduler = runsScheduler;
        Clock = clock ?? new FakeTimeProvider(DateTimeOffset.UtcNow);
    }

    public FakeTimeProvider Clock { get; }

    protected override bool RunsScheduler => runsScheduler;

    /// <summary>The job, as the scheduler would build it (its scope, its clock).</summary>
    internal PaymentScheduleJob Job => ActivatorUtilities.CreateInstance<PaymentScheduleJob>(Services);

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:Sandbox", "true");
        builder.UseSetting(TokenKeys.NotificationPublicKey, Tokens.NotificationPublicKey);
        if (runsScheduler)
        {
            builder.UseSetting($"Scheduler:Jobs:{PaymentScheduleJob.Name}:Cron", "* * * * * ?");
        }
    }

    protected override void ConfigureTestServices(IServiceCollection services) =>
        services.AddSingleton(provider => new JobClock(Clock, provider.GetRequiredService<IConfiguration>()));
}
