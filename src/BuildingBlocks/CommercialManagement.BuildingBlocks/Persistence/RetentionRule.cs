namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// A table whose rows go once they are older than <see cref="Retention"/> by <paramref name="timestampColumn"/>, unless
/// <paramref name="keep"/> holds for them (a row staff must still see, a row not done with). The names and the condition
/// are SQL written in code, never taken from input.
/// </summary>
/// <param name="table">The table, as the database names it.</param>
/// <param name="timestampColumn">The UTC time the row's age counts from; indexed, since every pass starts with it.</param>
/// <param name="retention">How long a row is kept after that time.</param>
/// <param name="keep">An SQL condition on the table's columns: the rows it holds for are never deleted, whatever their age.</param>
public sealed class RetentionRule(string table, string timestampColumn, TimeSpan retention, string? keep = null)
{
    public string Table { get; } = table;

    public TimeSpan Retention { get; } = retention > TimeSpan.Zero
        ? retention
        : throw new ArgumentOutOfRangeException(nameof(retention), retention, $"The retention of {table} must be positive.");

    /// <summary>
    /// Deletes at most {1} rows older than {0}. The rows are chosen by their physical address and checked again as they are
    /// deleted: a row changed meanwhile (to one that must be kept) is left, and two instances deleting the same batch at once
    /// only make the second delete fewer.
    /// </summary>
    internal string DeleteBatchSql { get; } = $$"""
        DELETE FROM {{table}}
        WHERE ctid = ANY(ARRAY(SELECT ctid FROM {{table}} WHERE {{Condition(timestampColumn, keep)}} LIMIT {1}))
          AND {{Condition(timestampColumn, keep)}}
        """;

    private static string Condition(string timestampColumn, string? keep) =>
        keep is null ? $"{timestampColumn} < {{0}}" : $"{timestampColumn} < {{0}} AND NOT ({keep})";
}
