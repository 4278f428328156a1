using Npgsql;

namespace CommercialManagement.TestKit;

/// <summary>
/// How many transactions a database ended per second, from PostgreSQL's own counters (<c>pg_stat_database</c>): what a
/// service's background loops cost while nobody uses it.
/// </summary>
public static class DatabaseActivity
{
    public static async Task<double> TransactionsPerSecondAsync(string connectionString, TimeSpan window)
    {
        var before = await TransactionsAsync(connectionString);
        var started = DateTime.UtcNow;
        await Task.Delay(window);
        var after = await TransactionsAsync(connectionString);
        return (after - before) / (DateTime.UtcNow - started).TotalSeconds;
    }

    /// <summary>Commits and rollbacks of the database so far (PostgreSQL reports an idle session's up to 10 s late).</summary>
    public static async Task<long> TransactionsAsync(string connectionString)
    {
        // A new connection each time: a session keeps its first snapshot of the statistics until its transaction ends.
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            "SELECT xact_commit + xact_rollback FROM pg_stat_database WHERE datname = current_database()", connection);
        return Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture);
    }

    /// <summary>
    /// The transactions of the database open for longer than <paramref name="age"/> (other than this query's), each as its
    /// state and last statement: what holds locks while the service waits on something else (a broker, an HTTP call, SMTP).
    /// </summary>
    public static async Task<List<string>> TransactionsOpenLongerThanAsync(string connectionString, TimeSpan age)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var command = new NpgsqlCommand(
            """
            SELECT state || ': ' || left(query, 200) FROM pg_stat_activity
            WHERE datname = current_database() AND pid <> pg_backend_pid() AND xact_start < now() - @age
            """, connection);
        command.Parameters.AddWithValue("age", age);
        var open = new List<string>();
        await using var reader = await command.ExecuteReaderAsync();
        while (await reader.ReadAsync())
        {
            open.Add(reader.GetString(0));
        }

        return open;
    }
}
