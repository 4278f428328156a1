using System.Net.Sockets;
using System.Security.Cryptography;
using CommercialManagement.ServiceDefaults;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Diagnostics.HealthChecks;
using Npgsql;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// PostgreSQL and RabbitMQ from Debian's packages, run by DCP as executables through deploy/local/*.sh, with
/// their data in a private folder (Infrastructure:DataFolder, default .data/local) and loopback ports chosen
/// at start-up.
/// </summary>
internal static class LocalInfrastructure
{
    public static InfrastructureResources Add(IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = RepositoryRoot(builder);
        var dataFolder = DataFolder(builder, repositoryRoot);
        var scripts = Path.Combine(repositoryRoot, "deploy", "local");

        var password = builder.AddParameter("postgres-password", PostgresPassword(dataFolder), secret: true);
        var postgresPort = FreePort.Next();
        var postgresReady = $"{ResourceNames.Postgres}-ready";
        builder.Services.AddHealthChecks().AddAsyncCheck(postgresReady, async cancellationToken =>
        {
            var connectionString = $"Host=127.0.0.1;Port={postgresPort};Username=postgres;Password={await password.Resource.GetValueAsync(cancellationToken)};Database=postgres;Timeout=3;Pooling=false";
            try
            {
                await using var connection = new NpgsqlConnection(connectionString);
                await connection.OpenAsync(cancellationToken);
                return HealthCheckResult.Healthy();
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
            {
                return HealthCheckResult.Unhealthy(exception.Message);
            }
        });
        var postgres = builder.AddExecutable(ResourceNames.Postgres, "bash", scripts, "postgres.sh", dataFolder)
            .WithEndpoint(name: "tcp", port: postgresPort, targetPort: postgresPort, scheme: "tcp", env: "PGPORT", isProxied: false)
            .WithHealthCheck(postgresReady);

        var amqpPort = FreePort.Next();
        var rabbitReady = $"{ResourceNames.RabbitMq}-ready";
        builder.Services.AddHealthChecks().AddAsyncCheck(rabbitReady, cancellationToken => TcpAnswers(amqpPort, cancellationToken));
        builder.AddExecutable(ResourceNames.RabbitMqServer, "bash", scripts, "rabbitmq.sh", dataFolder)
            .WithEndpoint(name: "amqp", port: amqpPort, targetPort: amqpPort, scheme: "amqp", env: "RABBITMQ_NODE_PORT", isProxied: false)
            .WithEnvironment("RABBITMQ_DIST_PORT", FreePort.Next().ToString(System.Globalization.CultureInfo.InvariantCulture))
            .WithHealthCheck(rabbitReady);

        var broker = builder.AddConnectionString(
            ResourceNames.RabbitMq,
            ReferenceExpression.Create($"amqp://guest:guest@127.0.0.1:{amqpPort.ToString(System.Globalization.CultureInfo.InvariantCulture)}/"));

        return new InfrastructureResources(
            name => builder.AddConnectionString(
                name,
                ReferenceExpression.Create($"Host=127.0.0.1;Port={postgresPort.ToString(System.Globalization.CultureInfo.InvariantCulture)};Database={name};Username=postgres;Password={password.Resource};Maximum Pool Size=20")),
            broker,
            // A service needs PostgreSQL to start (its migrations run first), not RabbitMQ: MassTransit connects in the
            // background and the service's /health stays unhealthy until its bus is up, which is what Inbox and the gateway
            // wait for before publishing. So the services start while RabbitMQ boots (~15 s of Erlang on 2 cores), not after.
            [postgres]);
    }

    internal static string RepositoryRoot(IDistributedApplicationBuilder builder) =>
        Path.GetFullPath(Path.Combine(builder.AppHostDirectory, ".."));

    internal static string DataFolder(IDistributedApplicationBuilder builder, string repositoryRoot)
    {
        var configured = builder.Configuration["Infrastructure:DataFolder"];
        var folder = string.IsNullOrWhiteSpace(configured) ? Path.Combine(repositoryRoot, ".data", "local") : configured;
        Directory.CreateDirectory(folder);
        return Path.GetFullPath(folder);
    }

    /// <summary>Generated once per data folder and kept beside the data: no secret in the repository.</summary>
    private static string PostgresPassword(string dataFolder)
    {
        var file = Path.Combine(dataFolder, "postgres.password");
        if (!File.Exists(file))
        {
            File.WriteAllText(file, Convert.ToHexString(RandomNumberGenerator.GetBytes(18)).ToLowerInvariant());
            if (!OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
            }
        }

        return File.ReadAllText(file).Trim();
    }

    private static async Task<HealthCheckResult> TcpAnswers(int port, CancellationToken cancellationToken)
    {
        try
        {
            using var client = new TcpClient();
            using var timeout = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
            timeout.CancelAfter(TimeSpan.FromSeconds(2));
            await client.ConnectAsync("127.0.0.1", port, timeout.Token);
            return HealthCheckResult.Healthy();
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return HealthCheckResult.Unhealthy(exception.Message);
        }
    }
}
