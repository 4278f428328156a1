using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using Npgsql;

namespace CommercialManagement.TestKit;

/// <summary>
/// A real PostgreSQL for service tests: CM_TEST_POSTGRES (a connection string to a server that runs) when set,
/// else a private server started once per test process with the same script the AppHost uses, in a temporary
/// folder, stopped when the process exits. Each fixture gets its own fresh database.
/// </summary>
public sealed class PostgresServer
{
    private static readonly Lazy<Task<PostgresServer>> Shared = new(StartAsync);

    private PostgresServer(string adminConnectionString) => AdminConnectionString = adminConnectionString;

    public string AdminConnectionString { get; }

    public static Task<PostgresServer> GetAsync() => Shared.Value;

    /// <summary>A new empty database; the service's migrations create its tables.</summary>
    public async Task<string> CreateDatabaseAsync(string prefix)
    {
        var name = $"{prefix}_{Guid.NewGuid():N}"[..Math.Min(prefix.Length + 13, 63)];
        await using var connection = new NpgsqlConnection(AdminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand($"CREATE DATABASE \"{name}\"", connection);
        await command.ExecuteNonQueryAsync();
        return new NpgsqlConnectionStringBuilder(AdminConnectionString) { Database = name, Pooling = true }.ConnectionString;
    }

    private static async Task<PostgresServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("CM_TEST_POSTGRES");
        if (!string.IsNullOrWhiteSpace(external))
        {
            return new PostgresServer(external);
        }

        var dataRoot = System.IO.Path.Combine(System.IO.Path.GetTempPath(), $"cm-tests-pg-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataRoot);
        var password = Convert.ToHexString(RandomNumberGenerator.GetBytes(12));
        await File.WriteAllTextAsync(System.IO.Path.Combine(dataRoot, "postgres.password"), password);
        var port = FreePort();

        var start = new ProcessStartInfo("bash", [System.IO.Path.Combine(RepositoryRoot.Path, "deploy", "local", "postgres.sh"), dataRoot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGPORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        // A test process keeps many hosts alive at once (xUnit runs async test classes side by side, each class fixture with
        // its own connection pool): the Payment service tests peaked near the local mode's 300 connections, so the tests'
        // server takes more (a later -c wins over postgres.sh's).
        start.Environment["POSTGRES_EXTRA_ARGS"] = "-c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=1000";
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process, dataRoot);

        var admin = $"Host=127.0.0.1;Port={port};Username=postgres;Password={password};Database=postgres;Timeout=5;Include Error Detail=true";
        var deadline = DateTime.UtcNow.AddSeconds(60);
        while (true)
        {
            try
            {
                await using var connection = new NpgsqlConnection(admin + ";Pooling=false");
                await connection.OpenAsync();
                return new PostgresServer(admin);
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException && DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"PostgreSQL did not start:\n{output}");
                }

                await Task.Delay(200);
            }
        }
    }

    private static void Stop(Process process, string dataRoot)
    {
        try
        {
            if (!process.HasExited)
            {
                // SIGTERM: the script turns it into a fast shutdown of the server.
                Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(2000);
                process.WaitForExit(10_000);
            }

            Directory.Delete(dataRoot, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or InvalidOperationException)
        {
            // Best effort at exit; test.sh removes what is left behind.
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
