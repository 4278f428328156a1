using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using CommercialManagement.TestKit;
using Npgsql;

namespace CommercialManagement.EndToEndTests.LocalMode;

/// <summary>
/// Issue 15, item 8: the local mode's PostgreSQL wrapper (deploy/local/postgres.sh, what the AppHost runs) used to exit
/// when an operator ran pg_ctl restart, leaving the new server detached: the dashboard said Running, and stopping the
/// system left the server running. Now the wrapper watches whichever server runs, restarts a crashed one, and stops it.
/// </summary>
public sealed class PostgresSupervisionTests : IAsyncLifetime
{
    private readonly string dataRoot = Path.Combine(Path.GetTempPath(), $"cm-tests-pg-supervised-{Guid.NewGuid():N}");
    private readonly int port = FreePort();
    private Process? wrapper;

    private string PgData => Path.Combine(dataRoot, "postgres");

    private string Admin => $"Host=127.0.0.1;Port={port};Username=postgres;Password=supervised;Database=postgres;Timeout=3;Pooling=false";

    public async Task InitializeAsync()
    {
        Directory.CreateDirectory(dataRoot);
        await File.WriteAllTextAsync(Path.Combine(dataRoot, "postgres.password"), "supervised");
        var start = new ProcessStartInfo("bash", [Path.Combine(RepositoryRoot.Path, "deploy", "local", "postgres.sh"), dataRoot])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        start.Environment["PGPORT"] = port.ToString(CultureInfo.InvariantCulture);
        wrapper = Process.Start(start)!;
        wrapper.BeginOutputReadLine();
        wrapper.BeginErrorReadLine();
        Assert.True(await AnswersAsync(TimeSpan.FromSeconds(60)), "PostgreSQL did not start");
    }

    public async Task DisposeAsync()
    {
        if (wrapper is { HasExited: false })
        {
            wrapper.Kill(entireProcessTree: true);
            await wrapper.WaitForExitAsync();
        }

        var leftover = ServerPid();
        if (leftover is { } pid)
        {
            Process.GetProcessById(pid).Kill();
        }

        try
        {
            Directory.Delete(dataRoot, recursive: true);
        }
        catch (IOException)
        {
            // test.sh removes what is left behind.
        }
    }

    [Fact]
    public async Task PgCtlRestart_TheWrapperStaysAndStillStopsTheServer()
    {
        var before = ServerPid();

        var restart = Process.Start(AsPostgres(Path.Combine(PostgresBin(), "pg_ctl"), "restart", "-D", PgData, "-m", "fast", "-w"))!;
        await restart.WaitForExitAsync();
        Assert.Equal(0, restart.ExitCode);

        Assert.NotEqual(before, ServerPid());
        Assert.True(await AnswersAsync(TimeSpan.FromSeconds(30)), "the restarted server does not answer");
        await Task.Delay(TimeSpan.FromSeconds(3));
        Assert.False(wrapper!.HasExited, "the wrapper exited when the server was restarted: the system no longer sees it");

        await StopWrapperAsync();
        Assert.Null(ServerPid());
    }

    [Fact]
    public async Task ACrashedServer_IsStartedAgain()
    {
        var crashed = ServerPid()!.Value;

        Process.GetProcessById(crashed).Kill();

        Assert.True(await Eventually.TrueAsync(() => Task.FromResult(ServerPid() is { } pid && pid != crashed), TimeSpan.FromSeconds(30)),
            "no new server after the crash");
        Assert.True(await AnswersAsync(TimeSpan.FromSeconds(60)), "the server started again does not answer");
        Assert.False(wrapper!.HasExited);
        await StopWrapperAsync();
        Assert.Null(ServerPid());
    }

    private async Task StopWrapperAsync()
    {
        Process.Start("kill", ["-TERM", wrapper!.Id.ToString(CultureInfo.InvariantCulture)])!.WaitForExit();
        using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(30));
        await wrapper.WaitForExitAsync(timeout.Token);
    }

    /// <summary>The postmaster's pid from its lock file, when that process is alive.</summary>
    private int? ServerPid()
    {
        try
        {
            var first = File.ReadLines(Path.Combine(PgData, "postmaster.pid")).FirstOrDefault();
            if (int.TryParse(first, out var pid))
            {
                using var process = Process.GetProcessById(pid);
                return process.HasExited ? null : pid;
            }
        }
        catch (Exception exception) when (exception is IOException or ArgumentException or InvalidOperationException)
        {
        }

        return null;
    }

    private async Task<bool> AnswersAsync(TimeSpan within) => await Eventually.TrueAsync(
        async () =>
        {
            try
            {
                await using var connection = new NpgsqlConnection(Admin);
                await connection.OpenAsync();
                return true;
            }
            catch (Exception exception) when (exception is NpgsqlException or SocketException or TimeoutException)
            {
                return false;
            }
        },
        within);

    private static ProcessStartInfo AsPostgres(string program, params string[] arguments) =>
        Environment.UserName == "root"
            ? new ProcessStartInfo("setpriv", ["--reuid=postgres", "--regid=postgres", "--init-groups", program, .. arguments])
            : new ProcessStartInfo(program, arguments);

    private static string PostgresBin() =>
        Directory.GetDirectories("/usr/lib/postgresql").Select(d => Path.Combine(d, "bin")).OrderBy(d => d, StringComparer.Ordinal).Last();

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
