namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>
/// What a person typed in a search box, as an ILIKE pattern that finds it anywhere in a column: %, _ and \ stay
/// literals. Pass <see cref="Escape"/> to <c>EF.Functions.ILike</c>: without a named escape character Npgsql writes
/// <c>ESCAPE ''</c> and the backslashes added here would match themselves.
/// </summary>
public static class SubstringSearch
{
    public const string Escape = "\\";

    public static string Pattern(string typed) =>
        "%" + typed.Trim().Replace("\\", "\\\\", StringComparison.Ordinal).Replace("%", "\\%", StringComparison.Ordinal).Replace("_", "\\_", StringComparison.Ordinal) + "%";
}
