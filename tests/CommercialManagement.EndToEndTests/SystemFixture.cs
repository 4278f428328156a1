using CommercialManagement.ServiceDefaults;
using MassTransit;

namespace CommercialManagement.EndToEndTests;

/// <summary>
/// The whole system, started once for every end-to-end test through the AppHost (Aspire's testing builder) in the
/// local infrastructure mode: real PostgreSQL, real RabbitMQ, the five services, the gateway and the mail catcher,
/// with a private data folder that is removed afterwards.
/// </summary>
public sealed class SystemFixture : IAsyncLifetime
{
    // A machine shared with another run can take longer: E2E_START_TIMEOUT_MINUTES widens the wait, the default stays.
    public static readonly TimeSpan StartTimeout = TimeSpan.FromMinutes(
        int.TryParse(Environment.GetEnvironmentVariable("E2E_START_TIMEOUT_MINUTES"), out var minutes) && minutes > 0 ? minutes : 4);

    private readonly string _dataFolder = Path.Combine(Path.GetTempPath(), $"cm-e2e-{Guid.NewGuid():N}");

    public DistributedApplication App { get; private set; } = null!;

    public static readonly string[] Services =
    [
        ResourceNames.InboxApi, ResourceNames.DossierApi, ResourceNames.QuoteApi, ResourceNames.PaymentApi,
        ResourceNames.NotificationWorker, ResourceNames.Gateway, ResourceNames.DemoWebsite,
    ];

    /// <summary>How many processes of every service and of the gateway the suite runs against (CM_REPLICAS, default 1).</summary>
    public static int Replicas => int.TryParse(Environment.GetEnvironmentVariable("CM_REPLICAS"), out var replicas) ? replicas : 1;

    public async Task InitializeAsync()
    {
        using var timeout = new CancellationTokenSource(StartTimeout);
        var builder = await DistributedApplicationTestingBuilder.CreateAsync<Projects.CommercialManagement_AppHost>(
            // The suite posts more web requests from its one loopback address than the intake's 20 per 10 minutes allow a
            // person; the limit itself is tested in Inbox.ServiceTests (IntakeRulesTests).
            // CM_REPLICAS=2 runs the suite against two processes of every service and of the gateway (issue 15).
            // The payment schedule and the quotes' expiry run every 5 seconds instead of at 9:00 and 0:05, the schedule on a clock
            // the tests move (JobClockFile): the tests of issue 17 follow a dossier over weeks in a few minutes.
            ["--Infrastructure:Mode=local", $"--Infrastructure:DataFolder={_dataFolder}", "--Intake:RateLimitPermits=500",
                $"--Topology:Replicas={Replicas}", $"--Scheduler:ClockOffsetFile={JobClockFile}", "--Scheduler:Jobs:payment-schedule:Cron=0/5 * * * * ?",
                "--Scheduler:Jobs:quote-expiry:Cron=0/5 * * * * ?", "--Mailbox:PollInterval=00:00:02"],
            timeout.Token);
        App = await builder.BuildAsync(timeout.Token);
        await App.StartAsync(timeout.Token);
        foreach (var service in Services)
        {
            await App.ResourceNotifications.WaitForResourceHealthyAsync(service, timeout.Token);
        }
    }

    public HttpClient Gateway() => App.CreateHttpClient(ResourceNames.Gateway);

    /// <summary>The file the services' scheduled jobs read their clock's offset from (<c>Scheduler:ClockOffsetFile</c>).</summary>
    private string JobClockFile => Path.Combine(_dataFolder, "job-clock-offset");

    /// <summary>
    /// Moves the clock the scheduled jobs read (and only theirs: tokens, webhooks and pages keep the real time) to
    /// <paramref name="moment"/>, or back to the real time with null. Put it back in a finally: the next tests expect real time.
    /// </summary>
    public async Task MoveJobClockToAsync(DateTimeOffset? moment)
    {
        Directory.CreateDirectory(_dataFolder);
        var offset = moment is { } at ? at - DateTimeOffset.UtcNow : TimeSpan.Zero;
        await File.WriteAllTextAsync(JobClockFile, offset.ToString("c", global::System.Globalization.CultureInfo.InvariantCulture));
    }

    /// <summary>
    /// Publishes an event into the running system's RabbitMQ, as a service that does not exist yet would (the quote
    /// and payment services): the consumers see it exactly as they will see theirs.
    /// </summary>
    public async Task PublishAsync<T>(T message)
        where T : class
    {
        var broker = new Uri((await App.GetConnectionStringAsync("rabbitmq"))!);
        var bus = Bus.Factory.CreateUsingRabbitMq(rabbit => rabbit.Host(broker));
        await bus.StartAsync();
        try
        {
            await bus.Publish(message, context => context.MessageId = Guid.NewGuid());
        }
        finally
        {
            await bus.StopAsync();
        }
    }

    public async Task DisposeAsync()
    {
        await App.StopAsync();
        await App.DisposeAsync();
        try
        {
            Directory.Delete(_dataFolder, recursive: true);
        }
        catch (IOException)
        {
            // A server still closing its files: test.sh removes what is left.
        }
    }
}

[CollectionDefinition(Name)]
public sealed class SystemCollection : ICollectionFixture<SystemFixture>
{
    public const string Name = "system";
}
