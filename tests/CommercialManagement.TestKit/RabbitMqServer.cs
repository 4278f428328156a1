using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using RabbitMQ.Client;

namespace CommercialManagement.TestKit;

/// <summary>
/// A real RabbitMQ for the tests that are about the broker itself (redelivery through its wait queues, parking, replay):
/// CM_TEST_RABBITMQ (an amqp:// address of a broker that runs) when set, else a private server started once per test
/// process with the script the AppHost uses, in a temporary folder, stopped when the process exits.
/// </summary>
public sealed class RabbitMqServer
{
    private static readonly Lazy<Task<RabbitMqServer>> Shared = new(StartAsync);

    private RabbitMqServer(Uri address) => Address = address;

    public Uri Address { get; }

    public static Task<RabbitMqServer> GetAsync() => Shared.Value;

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

    private static async Task<RabbitMqServer> StartAsync()
    {
        var external = Environment.GetEnvironmentVariable("CM_TEST_RABBITMQ");
        if (!string.IsNullOrWhiteSpace(external))
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
                return new RabbitMqServer(address);
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
