using CommercialManagement.BuildingBlocks.Messaging.Redelivery;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>Dossier on a real RabbitMQ, with waits shortened to seconds: what an outage longer than the in-memory retries does.</summary>
public sealed class DossierOnBrokerFactory() : ServiceFactory<Program>(ResourceNames.DossierDb)
{
    public const string Queue = "dossier-request-received";

    protected override bool OnRealBroker => true;

    public ParkedLog Parked { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        for (var i = 0; i < 4; i++)
        {
            builder.UseSetting($"Messaging:Retry:Immediate:{i}", "00:00:00.050");
        }

        builder.UseSetting("Messaging:Retry:Redelivery:0", "00:00:01");
        builder.UseSetting("Messaging:Retry:Redelivery:1", "00:00:02");
        builder.ConfigureServices(services => services.AddSingleton<ILoggerProvider>(Parked));
    }

    /// <summary>The Error lines written when a message is parked.</summary>
    public sealed class ParkedLog : ILoggerProvider
    {
        private int count;

        public int Count => Volatile.Read(ref count);

        public ILogger CreateLogger(string categoryName) =>
            categoryName == ParkedMessages.LoggerCategory ? new Logger(this) : Microsoft.Extensions.Logging.Abstractions.NullLogger.Instance;

        public void Dispose()
        {
        }

        private sealed class Logger(ParkedLog log) : ILogger
        {
            public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

            public bool IsEnabled(LogLevel logLevel) => logLevel == LogLevel.Error;

            public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
            {
                if (logLevel == LogLevel.Error)
                {
                    Interlocked.Increment(ref log.count);
                }
            }
        }
    }
}

/// <summary>
/// Issue 15, item 1: a consumer that fails longer than its in-memory retries (a PostgreSQL restart, a long lock) used to
/// send its message to _error for good after ~9 s. Now it waits in the broker and comes back; only after the last wait is
/// it parked, logged at Error, and a replay puts it back.
/// </summary>
public sealed class RedeliveryTests(DossierOnBrokerFactory factory) : IClassFixture<DossierOnBrokerFactory>
{
    private async Task PublishAsync(Guid requestId)
    {
        await factory.Services.GetRequiredService<IBus>()
            .Publish(RequestReceivedTests.Received(requestId), context => context.MessageId = Guid.NewGuid());
    }

    private Task<long> CasesAsync(Guid requestId) =>
        factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0", requestId);

    [Fact]
    public async Task ADatabaseOutageLongerThanTheRetries_TheCaseStillOpens_Once()
    {
        _ = factory.Server; // the host and its bus
        var requestId = Guid.CreateVersion7();
        await factory.ExecuteAsync("ALTER TABLE dossiers RENAME TO dossiers_away");
        try
        {
            await PublishAsync(requestId);
            // Longer than the in-memory retries (4 × 50 ms): the message has failed its first delivery.
            await Task.Delay(TimeSpan.FromMilliseconds(1500));
        }
        finally
        {
            await factory.ExecuteAsync("ALTER TABLE dossiers_away RENAME TO dossiers");
        }

        Assert.True(await Eventually.TrueAsync(async () => await CasesAsync(requestId) == 1, TimeSpan.FromSeconds(20)),
            "the request never became a case: its message was lost after the in-memory retries");
        Assert.Equal(0u, await factory.Broker!.MessageCountAsync(DossierOnBrokerFactory.Queue + ParkedMessages.ErrorSuffix));
    }

    [Fact]
    public async Task AnOutageLongerThanEveryWait_TheMessageIsParked_ThenReplayedOnce()
    {
        _ = factory.Server;
        var requestId = Guid.CreateVersion7();
        var errorQueue = DossierOnBrokerFactory.Queue + ParkedMessages.ErrorSuffix;
        var parkedBefore = factory.Parked.Count;
        await factory.ExecuteAsync("ALTER TABLE dossiers RENAME TO dossiers_away");
        try
        {
            await PublishAsync(requestId);
            Assert.True(await Eventually.TrueAsync(async () => await factory.Broker!.MessageCountAsync(errorQueue) == 1, TimeSpan.FromSeconds(30)),
                "the message was not parked in the error queue after its last wait");
        }
        finally
        {
            await factory.ExecuteAsync("ALTER TABLE dossiers_away RENAME TO dossiers");
        }

        Assert.Equal(parkedBefore + 1, factory.Parked.Count);
        Assert.Equal(0, await CasesAsync(requestId));

        var moved = await ParkedMessages.ReplayAsync(factory.Broker!.Address, DossierOnBrokerFactory.Queue, CancellationToken.None);

        Assert.Equal(1, moved);
        Assert.True(await Eventually.TrueAsync(async () => await CasesAsync(requestId) == 1, TimeSpan.FromSeconds(20)),
            "the replayed message did not open its case");
        Assert.Equal(0u, await factory.Broker.MessageCountAsync(errorQueue));
        // Replayed again (a person running the command twice): nothing left to move, the case stays one.
        Assert.Equal(0, await ParkedMessages.ReplayAsync(factory.Broker.Address, DossierOnBrokerFactory.Queue, CancellationToken.None));
        Assert.Equal(1, await CasesAsync(requestId));
    }
}
