using System.Text;
using System.Text.Json;
using Npgsql;

namespace CommercialManagement.TestKit;

/// <summary>
/// Looks for a person's details in every table of a database, as an auditor would: every text, varchar, jsonb and bytea
/// column of every table of the public schema (information_schema), case-insensitively, bytea both as UTF-8 and as
/// JSON-escaped text. Answers « table.column » for each column that still holds one of them.
/// </summary>
public static class PersonalDataSearch
{
    public static async Task<IReadOnlyList<string>> FindAsync(string connectionString, params string[] needles)
    {
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        var columns = new List<(string Table, string Column, string Type)>();
        await using (var list = new NpgsqlCommand("""
            SELECT c.table_name, c.column_name, c.data_type FROM information_schema.columns c
            JOIN information_schema.tables t ON t.table_schema = c.table_schema AND t.table_name = c.table_name AND t.table_type = 'BASE TABLE'
            WHERE c.table_schema = 'public' AND c.data_type IN ('text', 'character varying', 'jsonb', 'json', 'bytea', 'ARRAY', 'character')
            ORDER BY 1, 2
            """, connection))
        await using (var reader = await list.ExecuteReaderAsync())
        {
            while (await reader.ReadAsync())
            {
                columns.Add((reader.GetString(0), reader.GetString(1), reader.GetString(2)));
            }
        }

        var found = new List<string>();
        foreach (var (table, column, type) in columns)
        {
            foreach (var needle in needles.Where(n => !string.IsNullOrWhiteSpace(n)))
            {
                var escaped = JsonSerializer.Serialize(needle)[1..^1];
                await using var command = new NpgsqlCommand(
                    type == "bytea"
                        ? $"""SELECT count(*) FROM "{table}" WHERE position(@p0 in "{column}") > 0 OR position(@p1 in "{column}") > 0 OR position(@p2 in "{column}") > 0"""
                        : $"""SELECT count(*) FROM "{table}" WHERE strpos(lower("{column}"::text), lower(@p3)) > 0 OR strpos(lower("{column}"::text), lower(@p4)) > 0""",
                    connection);
                if (type == "bytea")
                {
                    command.Parameters.AddWithValue("p0", Encoding.UTF8.GetBytes(needle));
                    command.Parameters.AddWithValue("p1", Encoding.UTF8.GetBytes(escaped));
                    command.Parameters.AddWithValue("p2", Encoding.UTF8.GetBytes(needle.ToLowerInvariant()));
                }
                else
                {
                    command.Parameters.AddWithValue("p3", needle);
                    command.Parameters.AddWithValue("p4", escaped);
                }

                if (Convert.ToInt64(await command.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture) > 0)
                {
                    found.Add($"{table}.{column} ({needle})");
                }
            }
        }

        return found;
    }
}
