using CommercialManagement.Contracts.Inbox;
using CommercialManagement.TestKit;
using MassTransit;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// The relay claims rows in a short transaction, publishes outside any, then marks them (ADR 0012); a case's rows go out in
/// commit order across passes and instances.
/// </summary>
public sealed class OutboxClaimTests
{
    private const string Organisation = "0b5e7a10-0000-4000-8000-0000000000ab";

    [Fact]
    public async Task PublishWaitingForTheBroker_HoldsNoTransaction_AndLocksNoRow()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var caseId = Guid.CreateVersion7();
        var gate = PublishGate.On(factory, caseId);
        var row = Guid.CreateVersion7();
        await InsertAsync(factory, Row(caseId, "first", 0, row));

        Assert.True(await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20)) is not null, "The relay never published the row.");
        await Task.Delay(TimeSpan.FromSeconds(1.5));
        var open = await DatabaseActivity.TransactionsOpenLongerThanAsync(factory.ConnectionString, TimeSpan.FromSeconds(1));
        Assert.True(open.Count == 0, $"Transactions stayed open while the broker was waited for: {string.Join(" | ", open)}");
        // The row itself is free: an operator (or another instance) can lock it without waiting.
        await using (var connection = new NpgsqlConnection(factory.ConnectionString))
        {
            await connection.OpenAsync();
            await using var transaction = await connection.BeginTransactionAsync();
            await using var command = new NpgsqlCommand($"SELECT id FROM outbox_messages WHERE id = '{row}' FOR UPDATE NOWAIT", connection, transaction);
            await command.ExecuteScalarAsync();
        }

        gate.Open();
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND sent_at IS NOT NULL", row) == 1,
            TimeSpan.FromSeconds(20)), "The row was not marked sent once the broker confirmed.");
    }

    [Fact]
    public async Task RowOfACaseWrittenAfterAnEarlierOneFailed_WaitsForIt_AndTheCaseGoesOutInOrder()
    {
        await using var factory = new InboxFactory();
        await ((IAsyncLifetime)factory).InitializeAsync();
        var caseId = Guid.CreateVersion7();
        var gate = PublishGate.On(factory, caseId, failures: 1);
        var first = Guid.CreateVersion7();
        await InsertAsync(factory, Row(caseId, "first", 0, first));
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT attempts FROM outbox_messages WHERE id = @p0 AND sent_at IS NULL", first) == 1, TimeSpan.FromSeconds(20)),
            "The first row never failed.");

        // Written while the first waits for its next attempt (a second later): the relay polls five times meanwhile.
        await InsertAsync(factory, Row(caseId, "second", 1));

        // What the broker confirmed, in order (the harness also lists a publish that failed).
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(gate.Published.Count == 2), TimeSpan.FromSeconds(20)));
        Assert.Equal(["first", "second"], gate.Published);
        Assert.Equal(3, gate.Attempts);
    }

    [Fact]
    public async Task TwoInstances_NeverPublishACaseOutOfOrder_WhileOneHoldsItsEarlierRow()
    {
        await using var one = new InboxFactory();
        await ((IAsyncLifetime)one).InitializeAsync();
        await using var two = new InboxFactory(one.ConnectionString);
        await ((IAsyncLifetime)two).InitializeAsync();
        var caseId = Guid.CreateVersion7();
        var gate = new PublishGate(caseId, failures: 0);
        gate.Connect(one);
        gate.Connect(two);

        await InsertAsync(one, Row(caseId, "first", 0));
        Assert.True(await gate.Entered.Task.WaitAsync(TimeSpan.FromSeconds(20)) is not null, "No instance published the first row.");
        await InsertAsync(one, Row(caseId, "second", 1));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Equal(1, gate.Attempts);

        gate.Open();
        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(gate.Published.Count == 2), TimeSpan.FromSeconds(20)));
        Assert.Equal(["first", "second"], gate.Published);
    }

    private static string Row(Guid requestId, string name, int n, Guid? id = null)
    {
        var at = new DateTimeOffset(2026, 11, 28, 10, 0, 0, TimeSpan.Zero).AddMilliseconds(n);
        var payload = $$"""{"organisationId":"{{Organisation}}","occurredAt":"{{at:O}}","requestId":"{{requestId}}","channel":"WebForm","customerName":"{{name}}","customerEmail":"claim@example.fr","adults":2,"childrenAges":[],"language":"fr"}""";
        return $"('{id ?? Guid.CreateVersion7()}', '{typeof(RequestReceived).FullName}', '{payload}', '{at:O}', '{at:O}', 0)";
    }

    private static Task InsertAsync(InboxFactory factory, string row) => factory.ExecuteAsync($"""
        INSERT INTO outbox_messages (id, message_type, payload, occurred_at, next_attempt_at, attempts)
        VALUES {row}
        """);

    /// <summary>
    /// Stands between the relay and the broker for one case's RequestReceived: fails the first <c>failures</c> publishes,
    /// then holds every publish until <see cref="Open"/>, as a broker slow to confirm; records the order they went out.
    /// </summary>
    private sealed class PublishGate(Guid caseId, int failures) : IPublishObserver
    {
        private readonly TaskCompletionSource _open = new(TaskCreationOptions.RunContinuationsAsynchronously);
        private readonly List<string> _published = [];
        private int _failuresLeft = failures;
        private int _attempts;

        public TaskCompletionSource<object> Entered { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

        public int Attempts => Volatile.Read(ref _attempts);

        public List<string> Published
        {
            get
            {
                lock (_published)
                {
                    return [.. _published];
                }
            }
        }

        public static PublishGate On(InboxFactory factory, Guid caseId, int failures = 0)
        {
            var gate = new PublishGate(caseId, failures);
            if (failures > 0)
            {
                gate.Open();
            }

            gate.Connect(factory);
            return gate;
        }

        public void Connect(InboxFactory factory) => factory.Services.GetRequiredService<IBus>().ConnectPublishObserver(this);

        public void Open() => _open.TrySetResult();

        public async Task PrePublish<T>(PublishContext<T> context)
            where T : class
        {
            if (context.Message is not RequestReceived received || received.RequestId != caseId)
            {
                return;
            }

            Interlocked.Increment(ref _attempts);
            Entered.TrySetResult(received);
            if (Interlocked.Decrement(ref _failuresLeft) >= 0)
            {
                throw new InvalidOperationException("The broker did not confirm.");
            }

            await _open.Task;
            lock (_published)
            {
                _published.Add(received.CustomerName);
            }
        }

        public Task PostPublish<T>(PublishContext<T> context)
            where T : class => Task.CompletedTask;

        public Task PublishFault<T>(PublishContext<T> context, Exception exception)
            where T : class => Task.CompletedTask;
    }
}
