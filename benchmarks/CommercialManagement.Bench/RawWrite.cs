using System.Text.Json;
using Npgsql;
using NpgsqlTypes;

namespace CommercialManagement.Bench;

/// <summary>The raw write: its own database on the AppHost's PostgreSQL (benchdb), one transaction, two INSERTs.</summary>
internal static class RawWrite
{
    public static async Task PrepareAsync(string connectionString)
    {
        var target = new NpgsqlConnectionStringBuilder(connectionString);
        var maintenance = new NpgsqlConnectionStringBuilder(connectionString) { Database = "postgres", Pooling = false };
        await using (var connection = new NpgsqlConnection(maintenance.ConnectionString))
        {
            await connection.OpenAsync();
            await using var exists = new NpgsqlCommand("SELECT 1 FROM pg_database WHERE datname = @name", connection);
            exists.Parameters.AddWithValue("name", target.Database!);
            if (await exists.ExecuteScalarAsync() is null)
            {
                await using var create = new NpgsqlCommand($"CREATE DATABASE \"{target.Database}\"", connection);
                await create.ExecuteNonQueryAsync();
            }
        }

        await using var db = new NpgsqlConnection(connectionString);
        await db.OpenAsync();
        await using var schema = new NpgsqlCommand("""
            CREATE TABLE IF NOT EXISTS requests (
                id uuid PRIMARY KEY, site_key text NOT NULL, name text NOT NULL, email text NOT NULL, phone text,
                arrival date, departure date, adults int NOT NULL, children_ages int[] NOT NULL, message text NOT NULL,
                received_at timestamptz NOT NULL);
            CREATE INDEX IF NOT EXISTS ix_requests_received_at ON requests (received_at);
            CREATE TABLE IF NOT EXISTS outbox (
                id uuid PRIMARY KEY, type text NOT NULL, payload jsonb NOT NULL, created_at timestamptz NOT NULL,
                sent_at timestamptz);
            CREATE INDEX IF NOT EXISTS ix_outbox_pending ON outbox (created_at) WHERE sent_at IS NULL;
            """, db);
        await schema.ExecuteNonQueryAsync();
    }

    public static async Task<Guid> InsertAsync(NpgsqlDataSource dataSource, RequestBody body, CancellationToken cancellationToken)
    {
        var id = Guid.CreateVersion7();
        var now = DateTimeOffset.UtcNow;
        await using var connection = await dataSource.OpenConnectionAsync(cancellationToken);
        await using var transaction = await connection.BeginTransactionAsync(cancellationToken);
        await using var batch = new NpgsqlBatch(connection, transaction);
        var insert = new NpgsqlBatchCommand("""
            INSERT INTO requests (id, site_key, name, email, phone, arrival, departure, adults, children_ages, message, received_at)
            VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11)
            """);
        insert.Parameters.Add(new() { Value = id });
        insert.Parameters.Add(new() { Value = body.SiteKey ?? "" });
        insert.Parameters.Add(new() { Value = body.Name ?? "" });
        insert.Parameters.Add(new() { Value = body.Email ?? "" });
        insert.Parameters.Add(new() { Value = (object?)body.Phone ?? DBNull.Value });
        insert.Parameters.Add(new() { Value = (object?)body.Arrival ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        insert.Parameters.Add(new() { Value = (object?)body.Departure ?? DBNull.Value, NpgsqlDbType = NpgsqlDbType.Date });
        insert.Parameters.Add(new() { Value = body.Adults ?? 1 });
        insert.Parameters.Add(new() { Value = body.ChildrenAges ?? [] });
        insert.Parameters.Add(new() { Value = body.Message ?? "" });
        insert.Parameters.Add(new() { Value = now });
        batch.BatchCommands.Add(insert);
        var outbox = new NpgsqlBatchCommand("INSERT INTO outbox (id, type, payload, created_at) VALUES ($1, 'RequestReceived', $2, $3)");
        outbox.Parameters.Add(new() { Value = Guid.CreateVersion7() });
        outbox.Parameters.Add(new() { Value = JsonSerializer.Serialize(new Received(id, body.Email, now), BenchJson.Default.Received), NpgsqlDbType = NpgsqlDbType.Jsonb });
        outbox.Parameters.Add(new() { Value = now });
        batch.BatchCommands.Add(outbox);
        await batch.ExecuteNonQueryAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return id;
    }
}

internal sealed record Received(Guid RequestId, string? Email, DateTimeOffset ReceivedAt);
