using CommercialManagement.ServiceDefaults;
using Npgsql;

namespace CommercialManagement.Dossier.Api.Persistence;

/// <summary>
/// Dossier numbers (D-00042), per organisation, from its row in <c>reference_counters</c>. Each number is taken by one
/// autocommit upsert on a connection of this class's own small pool, not in the caller's transaction: the counter row
/// is locked for that statement only, so a case still opening never holds up the next case of its organisation. A
/// case whose transaction then fails leaves a gap; dossier numbers are not invoice numbers (docs/adr/0001).
/// </summary>
internal sealed class DossierNumbers : IAsyncDisposable
{
    private const string NextSql = """
        INSERT INTO reference_counters ("OrganisationId", "Last") VALUES ($1, 1)
        ON CONFLICT ("OrganisationId") DO UPDATE SET "Last" = reference_counters."Last" + 1
        RETURNING "Last"
        """;

    private readonly NpgsqlDataSource _source;

    public DossierNumbers(IConfiguration configuration)
    {
        var connection = new NpgsqlConnectionStringBuilder(configuration.GetConnectionString(ResourceNames.DossierDb))
        {
            // Its own pool: a consumer holding a connection of the service's pool never waits for another one from it.
            MaxPoolSize = 4,
            // The row lock is released without waiting for the WAL flush. Safe: a dossier is durable only once its own
            // commit flushed the WAL up to there, and that WAL contains this earlier commit, so a number can be lost
            // in a crash only with a dossier that was lost too.
            Options = "-c synchronous_commit=off",
        };
        _source = NpgsqlDataSource.Create(connection);
    }

    public async Task<long> NextAsync(Guid organisationId, CancellationToken cancellationToken)
    {
        await using var command = _source.CreateCommand(NextSql);
        command.Parameters.Add(new NpgsqlParameter<Guid> { TypedValue = organisationId });
        return (long)(await command.ExecuteScalarAsync(cancellationToken))!;
    }

    public ValueTask DisposeAsync() => _source.DisposeAsync();
}
