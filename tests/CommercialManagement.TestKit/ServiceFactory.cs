using System.Net.Http.Headers;
using CommercialManagement.ServiceDefaults.Security;
using MassTransit;
using MassTransit.Testing;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Mvc.Testing;
using Microsoft.AspNetCore.TestHost;
using Microsoft.Extensions.DependencyInjection;
using Npgsql;
using Xunit;

namespace CommercialManagement.TestKit;

/// <summary>
/// One service in process on its own fresh PostgreSQL database (real), with MassTransit's in-memory test
/// harness in place of RabbitMQ. Pass a connection string to start a second host on the same database.
/// </summary>
public class ServiceFactory<TEntryPoint>(string databaseName, string? connectionString = null)
    : WebApplicationFactory<TEntryPoint>, IAsyncLifetime
    where TEntryPoint : class
{
    public string ConnectionString { get; private set; } = connectionString ?? "";

    /// <summary>
    /// True for a host on a real RabbitMQ (<see cref="RabbitMqServer"/>) instead of the in-memory harness: for the tests
    /// that are about the broker itself. <see cref="Harness"/> is not there then; <see cref="Broker"/> is.
    /// </summary>
    protected virtual bool OnRealBroker => false;

    public RabbitMqServer? Broker { get; private set; }

    /// <summary>
    /// True for a host whose scheduler (Quartz, on the service's database) runs: for the tests of the scheduled jobs as they
    /// really fire. Off otherwise, since a test calls a job itself, with a clock it moves.
    /// </summary>
    protected virtual bool RunsScheduler => false;

    /// <summary>The real broker of a test on one: the shared one, unless the test stops it (a private one).</summary>
    protected virtual Task<RabbitMqServer> GetBrokerAsync() => RabbitMqServer.GetAsync();

    public async Task InitializeAsync()
    {
        if (string.IsNullOrEmpty(ConnectionString))
        {
            var server = await PostgresServer.GetAsync();
            ConnectionString = await server.CreateDatabaseAsync(databaseName);
        }

        if (OnRealBroker)
        {
            Broker = await GetBrokerAsync();
        }
    }

    Task IAsyncLifetime.DisposeAsync() => DisposeAsync().AsTask();

    public ITestHarness Harness => Services.GetTestHarness();

    /// <summary>The key pairs this test's host signs or checks tokens with; fresh ones per factory.</summary>
    public StaffTokens Tokens { get; } = new();

    /// <summary>A client calling the service as a staff member of <paramref name="organisationId"/>.</summary>
    public HttpClient CreateStaffClient(Guid organisationId, string role = StaffClaims.AgentRole)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.Issue(organisationId, role));
        return client;
    }

    /// <summary>A client as the gateway calls for a customer space it has checked: this case only.</summary>
    public HttpClient CreateCustomerClient(Guid organisationId, Guid caseId)
    {
        var client = CreateClient();
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", Tokens.IssueForCustomer(organisationId, caseId));
        return client;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        builder.UseEnvironment("Development");
        builder.UseSetting($"ConnectionStrings:{databaseName}", ConnectionString);
        // Never reached without a real broker: the harness replaces the RabbitMQ transport.
        builder.UseSetting("ConnectionStrings:rabbitmq", Broker?.Address.ToString() ?? "amqp://guest:guest@127.0.0.1:1/");
        if (Broker is null)
        {
            // No broker to check: the bus is the harness's, and the process's own RabbitMQ.Client connection is never opened.
            builder.UseSetting("Aspire:RabbitMQ:Client:DisableHealthChecks", "true");
        }

        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:00.200");
        // Tests call their jobs with a clock of their own; those about the scheduler itself turn it on.
        builder.UseSetting("Scheduler:Enabled", RunsScheduler ? "true" : "false");
        // Every service checks the gateway's tokens with its public key; a signer's factory adds its own private key.
        builder.UseSetting(TokenKeys.GatewayPublicKey, Tokens.GatewayPublicKey);
        builder.ConfigureTestServices(services =>
        {
            if (Broker is null)
            {
                services.AddMassTransitTestHarness();
                // A relay pass or a retry can leave the bus quiet for a moment: do not end the wait too early.
                services.Configure<TestHarnessOptions>(options =>
                {
                    options.TestTimeout = TimeSpan.FromSeconds(30);
                    options.TestInactivityTimeout = TimeSpan.FromSeconds(10);
                });
            }

            ConfigureTestServices(services);
        });
    }

    /// <summary>Waits for a published event matching the filter, without relying on the bus's inactivity.</summary>
    public async Task<T> PublishedAsync<T>(Func<T, bool> filter, Func<IPublishedMessage<T>, bool>? envelope = null)
        where T : class
    {
        IPublishedMessage<T>? found = null;
        var seen = await Eventually.TrueAsync(
            () =>
            {
                found = Harness.Published.Select<T>(m => filter(m.Context.Message) && (envelope?.Invoke(m) ?? true)).FirstOrDefault();
                return Task.FromResult(found is not null);
            },
            TimeSpan.FromSeconds(20));
        Assert.True(seen, $"No {typeof(T).Name} matching the filter was published within 20 s.");
        return found!.Context.Message;
    }

    /// <summary>
    /// Waits until the service's inbox has recorded the message as handled, which commits with the handler's effects.
    /// The harness's own "consumed" wait ends on bus inactivity, which a shared fixture may have reached long before.
    /// </summary>
    public async Task HandledAsync(Guid messageId)
    {
        var handled = await Eventually.TrueAsync(
            async () => await CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = @p0", messageId) > 0,
            TimeSpan.FromSeconds(20));
        Assert.True(handled, $"The message {messageId} was not handled within 20 s.");
    }

    /// <summary>The message id of the first published event matching the filter.</summary>
    public Guid? PublishedMessageId<T>(Func<T, bool> filter)
        where T : class =>
        Harness.Published.Select<T>(m => filter(m.Context.Message)).FirstOrDefault()?.Context.MessageId;

    /// <summary>A count (or any integer) straight from the service's database, parameters named @p0, @p1...</summary>
    public async Task<long> CountAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>One text value straight from the service's database (a jsonb column cast to text, say), parameters named @p0, @p1...</summary>
    public async Task<string> ScalarTextAsync(string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return Convert.ToString(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) ?? "";
    }

    public async Task ExecuteAsync(string sql)
    {
        await using var connection = new NpgsqlConnection(ConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        await command.ExecuteNonQueryAsync();
    }

    protected virtual void ConfigureTestServices(IServiceCollection services)
    {
    }
}
