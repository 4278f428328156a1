using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace CommercialManagement.TestKit;

/// <summary>
/// A real RabbitMQ for the tests that are about the broker itself (redelivery through its wait queues, parking, replay):
/// CM_TEST_RABBITMQ (an amqp:// address of a broker that runs) when set, else a private server started once per test
/// process with the script the AppHost uses, in a temporary folder, stopped when the process exits. A test that stops the
/// broker (an outage) takes a private one with <see cref="StartPrivateAsync"/> and disposes of it.
/// </summary>
public sealed class RabbitMqServer : IAsyncDisposable
{
    private static readonly Lazy<Task<RabbitMqServer>> Shared = new(() => StartAsync(shareable: true));

    /// <summary>The server process and its data folder, for a private broker only: the shared one is never stopped by a test.</summary>
    private readonly Process? process;
    private readonly string? dataRoot;

    private RabbitMqServer(Uri address, Process? process = null, string? dataRoot = null) =>
        (Address, this.process, this.dataRoot) = (address, process, dataRoot);

    public Uri Address { get; }

    public static Task<RabbitMqServer> GetAsync() => Shared.Value;

    /// <summary>A broker of the caller's own, to stop and start at will; dispose of it at the end.</summary>
    public static Task<RabbitMqServer> StartPrivateAsync() => StartAsync(shareable: false);

    /// <summary>An outage: the broker's application stops (connections dropped, port closed), its Erlang node stays.</summary>
    public Task StopAppAsync() => ControlAsync("stop_app");

    /// <summary>The end of an outage: the application starts again with its durable queues and their messages.</summary>
    public Task StartAppAsync() => ControlAsync("start_app");

    public ValueTask DisposeAsync()
    {
        if (process is not null && dataRoot is not null)
        {
            Stop(process, dataRoot);
        }

        return ValueTask.CompletedTask;
    }

    private async Task ControlAsync(string command)
    {
        if (dataRoot is null)
        {
            throw new InvalidOperationException("Only a private broker (StartPrivateAsync) is stopped and started by a test.");
        }

        // The node name and Erlang cookie deploy/local/rabbitmq.sh gives this data folder (cm + sha1 of its path, 10 digits).
        var node = "cm" + Convert.ToHexStringLower(System.Security.Cryptography.SHA1.HashData(System.Text.Encoding.UTF8.GetBytes(dataRoot)))[..10];
        var control = new ProcessStartInfo("/usr/lib/rabbitmq/bin/rabbitmqctl", ["-n", $"{node}@localhost", command])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        control.Environment["HOME"] = Path.Combine(dataRoot, "rabbitmq", "home");
        using var ctl = Process.Start(control) ?? throw new InvalidOperationException("rabbitmqctl could not be started");
        var output = ctl.StandardOutput.ReadToEndAsync();
        var error = ctl.StandardError.ReadToEndAsync();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(60));
        await ctl.WaitForExitAsync(timeout.Token);
        if (ctl.ExitCode != 0)
        {
            throw new InvalidOperationException($"rabbitmqctl {command} failed ({ctl.ExitCode}): {await output}{await error}");
        }
    }

    /// <summary>How many messages wait in a queue now (0 when it does not exist).</summary>
    public async Task<uint> MessageCountAsync(string queue)
    {
        await using var connection = await new ConnectionFactory { Uri = Address }.CreateConnectionAsync();
        await using var channel = await connection.CreateChannelAsync();
        try
        {
            return (await channel.QueueDeclarePassiveAsync(queue)).MessageCount;
        }
        catch (RabbitMQ.Client.Exceptions.OperationInterruptedException)
        {
            return 0;
        }
    }

    private static async Task<RabbitMqServer> StartAsync(bool shareable)
    {
        var external = Environment.GetEnvironmentVariable("CM_TEST_RABBITMQ");
        if (shareable && !string.IsNullOrWhiteSpace(external))
        {
            return new RabbitMqServer(new Uri(external));
        }

        var dataRoot = Path.Combine(Path.GetTempPath(), $"cm-tests-mq-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataRoot);
        var port = FreePort();
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "local", "rabbitmq.sh"), dataRoot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["RABBITMQ_NODE_PORT"] = port.ToString(System.Globalization.CultureInfo.InvariantCulture);
        start.Environment["RABBITMQ_DIST_PORT"] = FreePort().ToString(System.Globalization.CultureInfo.InvariantCulture);
        var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        var output = new System.Text.StringBuilder();
        process.OutputDataReceived += (_, e) => output.AppendLine(e.Data);
        process.ErrorDataReceived += (_, e) => output.AppendLine(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        AppDomain.CurrentDomain.ProcessExit += (_, _) => Stop(process, dataRoot);

        var address = new Uri($"amqp://guest:guest@127.0.0.1:{port}/");
        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (true)
        {
            try
            {
                await using var connection = await new ConnectionFactory { Uri = address }.CreateConnectionAsync();
                return shareable ? new RabbitMqServer(address) : new RabbitMqServer(address, process, dataRoot);
            }
            catch (Exception exception) when (exception is RabbitMQ.Client.Exceptions.BrokerUnreachableException or SocketException && DateTime.UtcNow < deadline)
            {
                if (process.HasExited)
                {
                    throw new InvalidOperationException($"RabbitMQ did not start:\n{output}");
                }

                await Task.Delay(500);
            }
        }
    }

    private static void Stop(Process process, string dataRoot)
    {
        try
        {
            if (!process.HasExited)
            {
                // SIGTERM: the script passes it on to the server, which stops its Erlang node.
                Process.Start("kill", ["-TERM", process.Id.ToString(System.Globalization.CultureInfo.InvariantCulture)])?.WaitForExit(2000);
                process.WaitForExit(15_000);
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
