using System.Diagnostics;
using System.Globalization;
using System.Net;
using System.Net.Sockets;
using System.Security.Cryptography;
using System.Text;
using MailKit.Net.Smtp;
using MimeKit;

namespace CommercialManagement.TestKit;

/// <summary>
/// A real IMAP server for the reply-mailbox tests (issue 18): smtp4dev, the repository's local dotnet tool that the AppHost
/// runs as the development mail catcher, started once per test process with a pool of mailboxes (each its IMAP user, the
/// same password, and the recipients <c>reponses*@{name}.test</c>), its database in memory, killed when the process exits.
/// Mail reaches it by SMTP. A test takes a mailbox of its own from the pool (<see cref="TakeMailbox"/>), so that no other
/// test reads its emails. A test that stops the server (an outage) starts a private one with <see cref="StartPrivateAsync"/>,
/// which keeps its emails in a file so that they are still there after <see cref="StartAsync()"/>, and disposes of it.
/// </summary>
public sealed class ImapServer : IAsyncDisposable
{
    /// <summary>Enough for every test of a test process to have a mailbox of its own.</summary>
    private const int SharedPoolSize = 40;

    private static readonly Lazy<Task<ImapServer>> Shared = new(() => LaunchAsync(
        [.. Enumerable.Range(1, SharedPoolSize).Select(i => $"box{i:00}")], persistent: false));

    private readonly string[] _names;
    private readonly string _dataRoot;
    private readonly bool _persistent;
    private readonly StringBuilder _output = new();
    private Process? _process;
    private int _taken;

    private ImapServer(string[] names, string dataRoot, bool persistent)
    {
        (_names, _dataRoot, _persistent) = (names, dataRoot, persistent);
        Password = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(12));
        (SmtpPort, ImapPort) = (FreePort(), FreePort());
    }

    /// <summary>Where both servers listen; the mailbox settings accept no encryption for this host only.</summary>
    public string Host => "127.0.0.1";

    public int SmtpPort { get; }

    public int ImapPort { get; }

    /// <summary>Every IMAP user's password.</summary>
    public string Password { get; }

    public IReadOnlyList<ImapMailbox> Mailboxes => [.. _names.Select(n => new ImapMailbox(n, $"{n}.test"))];

    /// <summary>The server shared by the test process.</summary>
    public static Task<ImapServer> GetAsync() => Shared.Value;

    /// <summary>A server of the caller's own with these mailboxes, to stop and start at will; dispose of it at the end.</summary>
    public static Task<ImapServer> StartPrivateAsync(params string[] mailboxes) => LaunchAsync(mailboxes, persistent: true);

    /// <summary>A mailbox no other test of this process uses.</summary>
    public ImapMailbox TakeMailbox()
    {
        var index = Interlocked.Increment(ref _taken) - 1;
        return index < _names.Length
            ? Mailboxes[index]
            : throw new InvalidOperationException($"The IMAP server's {_names.Length} mailboxes are all taken: raise its pool size.");
    }

    /// <summary>Delivers an email by SMTP to its To, Cc and Bcc (the envelope MailKit makes from the headers).</summary>
    public async Task SendAsync(MimeMessage message)
    {
        using var smtp = new SmtpClient();
        await smtp.ConnectAsync(Host, SmtpPort, MailKit.Security.SecureSocketOptions.None);
        await smtp.AuthenticateAsync(OwnerOf(message.To.Mailboxes.FirstOrDefault()?.Address).UserName, Password);
        await smtp.SendAsync(message);
        await smtp.DisconnectAsync(true);
    }

    /// <summary>
    /// Delivers these bytes as they are, whatever they hold (no headers, broken MIME), with a plain SMTP dialogue: only the
    /// lines starting with a dot are doubled, as SMTP requires.
    /// </summary>
    public async Task SendRawAsync(string from, string to, byte[] data)
    {
        using var tcp = new TcpClient();
        await tcp.ConnectAsync(Host, SmtpPort);
        await using var stream = tcp.GetStream();
        using var reader = new StreamReader(stream, Encoding.ASCII, leaveOpen: true);
        async Task ExpectAsync(string code)
        {
            string? line;
            do
            {
                line = await reader.ReadLineAsync() ?? throw new IOException("The SMTP server closed the connection.");
            }
            while (line.Length > 3 && line[3] == '-');
            if (!line.StartsWith(code, StringComparison.Ordinal))
            {
                throw new IOException($"The SMTP server answered « {line} » where {code} was expected.");
            }
        }

        async Task SayAsync(string command, string code)
        {
            await stream.WriteAsync(Encoding.ASCII.GetBytes(command + "\r\n"));
            await ExpectAsync(code);
        }

        await ExpectAsync("220");
        await SayAsync("EHLO tests.local", "250");
        var credentials = Encoding.UTF8.GetBytes($"\0{OwnerOf(to).UserName}\0{Password}");
        await SayAsync($"AUTH PLAIN {Convert.ToBase64String(credentials)}", "235");
        await SayAsync($"MAIL FROM:<{from}>", "250");
        await SayAsync($"RCPT TO:<{to}>", "250");
        await SayAsync("DATA", "354");
        await stream.WriteAsync(DotStuffed(data));
        await SayAsync(".", "250");
        await SayAsync("QUIT", "221");
    }

    /// <summary>
    /// The mailbox a recipient's email lands in. The server checks IMAP passwords only when it requires authentication, for
    /// SMTP too; a session authenticated as an unknown user would land in « Default », so each email is sent as its mailbox's user.
    /// </summary>
    private ImapMailbox OwnerOf(string? recipient) =>
        Mailboxes.FirstOrDefault(m => recipient?.EndsWith($"@{m.Domain}", StringComparison.OrdinalIgnoreCase) == true) ?? Mailboxes[0];

    /// <summary>An outage: the server's process is killed (both ports closed, connections dropped).</summary>
    public async Task StopAsync()
    {
        if (!_persistent)
        {
            throw new InvalidOperationException("Only a private server (StartPrivateAsync) is stopped and started by a test.");
        }

        await KillAsync();
    }

    /// <summary>The end of an outage: the same server again, on the same ports, with the emails it had.</summary>
    public Task StartAsync() => _persistent
        ? RunAsync()
        : throw new InvalidOperationException("Only a private server (StartPrivateAsync) is stopped and started by a test.");

    public async ValueTask DisposeAsync()
    {
        await KillAsync();
        try
        {
            Directory.Delete(_dataRoot, recursive: true);
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            // Best effort; test.sh removes what is left behind.
        }
    }

    /// <summary>
    /// Runs smtp4dev (arguments after the test process's id and the data folder) for as long as the test process lives: a
    /// test host that is killed runs no exit handler, and the server would outlive it. SIGTERM stops the server and keeps
    /// its data (an outage); the test process gone, the data goes too. It is never sent SIGKILL: the server would stay.
    /// </summary>
    private const string Watchdog = """
        parent=$1; data=$2; shift 2
        dotnet tool run smtp4dev -- "$@" &
        server=$!
        stop() { pkill -TERM -P "$server" 2>/dev/null; kill -TERM "$server" 2>/dev/null; wait "$server"; }
        trap 'stop; exit 0' TERM
        while kill -0 "$parent" 2>/dev/null && kill -0 "$server" 2>/dev/null; do sleep 1 & wait $!; done
        stop
        rm -rf "$data"
        """;

    private static async Task<ImapServer> LaunchAsync(string[] names, bool persistent)
    {
        var dataRoot = Path.Combine(Path.GetTempPath(), $"cm-tests-imap-{Guid.NewGuid():N}");
        Directory.CreateDirectory(dataRoot);
        var server = new ImapServer(names, dataRoot, persistent);
        AppDomain.CurrentDomain.ProcessExit += (_, _) => server.DisposeAsync().AsTask().GetAwaiter().GetResult();
        await server.RunAsync();
        return server;
    }

    private async Task RunAsync()
    {
        var start = new ProcessStartInfo("bash")
        {
            WorkingDirectory = RepositoryRoot.Path,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            "-c", Watchdog, "smtp4dev-for-tests", Environment.ProcessId.ToString(CultureInfo.InvariantCulture), _dataRoot,
            "--urls=http://127.0.0.1:0",
            $"--smtpport={SmtpPort.ToString(CultureInfo.InvariantCulture)}",
            $"--imapport={ImapPort.ToString(CultureInfo.InvariantCulture)}",
            "--pop3port=",
            "--bindaddress=127.0.0.1",
            "--hostname=localhost",
            "--nousersettings",
            // Else any IMAP password opens any mailbox: a wrong one must be refused, as a real server does.
            "--authenticationrequired",
            "--messagestokeep=1000",
            $"--baseappdatapath={_dataRoot}",
            // In memory for the shared server; a file for a private one, so that its emails outlive a restart.
            _persistent ? $"--db={Path.Combine(_dataRoot, "smtp4dev.db")}" : "--db=",
        })
        {
            start.ArgumentList.Add(argument);
        }

        for (var i = 0; i < _names.Length; i++)
        {
            start.Environment[$"ServerOptions__Mailboxes__{i}__Name"] = _names[i];
            start.Environment[$"ServerOptions__Mailboxes__{i}__Recipients"] = $"reponses*@{_names[i]}.test";
            start.Environment[$"ServerOptions__Users__{i}__Username"] = _names[i];
            start.Environment[$"ServerOptions__Users__{i}__Password"] = Password;
            start.Environment[$"ServerOptions__Users__{i}__DefaultMailbox"] = _names[i];
        }

        var process = Process.Start(start) ?? throw new InvalidOperationException("bash could not be started");
        process.OutputDataReceived += (_, e) => Log(e.Data);
        process.ErrorDataReceived += (_, e) => Log(e.Data);
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        _process = process;

        var deadline = DateTime.UtcNow.AddSeconds(90);
        while (!await ListensAsync(ImapPort) || !await ListensAsync(SmtpPort))
        {
            if (process.HasExited || DateTime.UtcNow > deadline)
            {
                throw new InvalidOperationException($"smtp4dev did not start (run `dotnet tool restore` first):\n{Logged()}");
            }

            await Task.Delay(200);
        }
    }

    private async Task KillAsync()
    {
        if (_process is not { } process)
        {
            return;
        }

        _process = null;
        try
        {
            // The watchdog stops dotnet tool run and the server it started (killing the tree could miss the server, reparented).
            using (var term = Process.Start("kill", ["-TERM", process.Id.ToString(CultureInfo.InvariantCulture)]))
            {
                await term!.WaitForExitAsync();
            }

            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(15));
            await process.WaitForExitAsync(timeout.Token);
        }
        catch (Exception exception) when (exception is InvalidOperationException or OperationCanceledException)
        {
            // Exited already, or stuck: nothing more a test can do.
        }
        finally
        {
            process.Dispose();
        }

        // The ports are closed once nothing answers there any more.
        var deadline = DateTime.UtcNow.AddSeconds(10);
        while ((await ListensAsync(ImapPort) || await ListensAsync(SmtpPort)) && DateTime.UtcNow < deadline)
        {
            await Task.Delay(100);
        }
    }

    private void Log(string? line)
    {
        lock (_output)
        {
            _output.AppendLine(line);
        }
    }

    private string Logged()
    {
        lock (_output)
        {
            return _output.ToString();
        }
    }

    private static byte[] DotStuffed(byte[] data)
    {
        using var buffer = new MemoryStream();
        var lineStart = true;
        foreach (var b in data)
        {
            if (lineStart && b == (byte)'.')
            {
                buffer.WriteByte((byte)'.');
            }

            buffer.WriteByte(b);
            lineStart = b == (byte)'\n';
        }

        if (!lineStart)
        {
            buffer.Write("\r\n"u8);
        }

        return buffer.ToArray();
    }

    private async Task<bool> ListensAsync(int port)
    {
        try
        {
            using var tcp = new TcpClient();
            using var timeout = new CancellationTokenSource(TimeSpan.FromSeconds(2));
            await tcp.ConnectAsync(IPAddress.Parse(Host), port, timeout.Token);
            return true;
        }
        catch (Exception exception) when (exception is SocketException or OperationCanceledException)
        {
            return false;
        }
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
