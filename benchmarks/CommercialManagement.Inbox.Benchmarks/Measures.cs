using System.Diagnostics;
using System.Globalization;
using System.Text;
using Npgsql;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>What the mail-in benchmark reads around each window: CPU times, a database's commits, the load average.</summary>
internal static class Measures
{
    /// <summary>Linux's USER_HZ: the unit of /proc/&lt;pid&gt;/stat's utime and stime.</summary>
    private const double TicksPerSecond = 100;

    public static string LoadAverage() => string.Join(" ", File.ReadAllText("/proc/loadavg").Split(' ')[..3]);

    /// <summary>This process's CPU time (every thread: the host in process, its background loops, the driver).</summary>
    public static TimeSpan OwnCpu()
    {
        using var self = Process.GetCurrentProcess();
        return self.TotalProcessorTime;
    }

    /// <summary>
    /// The CPU time of every process whose command line holds <paramref name="marker"/> (the IMAP server is started
    /// through a watchdog shell and <c>dotnet tool run</c>: its port in the arguments finds all three).
    /// </summary>
    public static TimeSpan CpuOf(string marker)
    {
        double ticks = 0;
        foreach (var directory in Directory.EnumerateDirectories("/proc"))
        {
            if (!int.TryParse(Path.GetFileName(directory), out var pid) || pid == Environment.ProcessId)
            {
                continue;
            }

            try
            {
                var commandLine = Encoding.UTF8.GetString(File.ReadAllBytes(Path.Combine(directory, "cmdline"))).Replace('\0', ' ');
                if (!commandLine.Contains(marker, StringComparison.Ordinal))
                {
                    continue;
                }

                // Fields after the command name, which is in parentheses and may hold spaces: utime and stime are 14th and 15th.
                var stat = File.ReadAllText(Path.Combine(directory, "stat"));
                var fields = stat[(stat.LastIndexOf(')') + 2)..].Split(' ');
                ticks += double.Parse(fields[11], CultureInfo.InvariantCulture) + double.Parse(fields[12], CultureInfo.InvariantCulture);
            }
            catch (IOException)
            {
                // Gone meanwhile.
            }
            catch (UnauthorizedAccessException)
            {
                // Not ours.
            }
        }

        return TimeSpan.FromSeconds(ticks / TicksPerSecond);
    }

    /// <summary>
    /// The database's committed transactions so far, read from another database (the server's admin one), so that reading
    /// them adds none; every statement outside an explicit transaction counts as one.
    /// </summary>
    public static async Task<long> CommitsAsync(string adminConnectionString, string database)
    {
        await using var connection = new NpgsqlConnection(adminConnectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand("SELECT xact_commit FROM pg_stat_database WHERE datname = @name", connection);
        command.Parameters.AddWithValue("name", database);
        return (long)(await command.ExecuteScalarAsync() ?? 0L);
    }

    public static async Task<long> CountAsync(string connectionString, string sql, params object[] parameters)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(sql, connection);
        for (var i = 0; i < parameters.Length; i++)
        {
            command.Parameters.AddWithValue($"p{i}", parameters[i]);
        }

        return Convert.ToInt64(await command.ExecuteScalarAsync(), CultureInfo.InvariantCulture);
    }

    public static string Database(string connectionString) => new NpgsqlConnectionStringBuilder(connectionString).Database!;
}
