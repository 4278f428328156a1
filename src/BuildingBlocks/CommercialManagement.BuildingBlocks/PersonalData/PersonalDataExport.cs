using System.Net.Mail;
using System.Text.Json;
using CommercialManagement.Contracts.PersonalData;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Infrastructure;

namespace CommercialManagement.BuildingBlocks.PersonalData;

/// <summary>
/// What one service holds about a customer (GDPR art. 15), as its Admin-only <c>GET .../personal-data?email=</c> answers:
/// every row of the organisation that names the address or belongs to one of its cases, table by table, as stored (the
/// database's own column names, so nothing is left out by a mapping), minus secrets and raw bytes; the bytes are listed
/// in <see cref="Files"/>, routes of the same service the gateway fetches to put the files beside the JSON in the archive.
/// The gateway also reads <see cref="CaseIds"/>: the cases an erasure must name (Payment finds a customer by its cases).
/// </summary>
public sealed record PersonalDataExport(
    string Service, IReadOnlyList<Guid> CaseIds, IReadOnlyDictionary<string, IReadOnlyList<JsonElement>> Tables, IReadOnlyList<PersonalDataFile> Files);

/// <summary>A file of the customer's (an original email, an attachment, a PDF) and the service's own route that gives it.</summary>
public sealed record PersonalDataFile(string Name, string Url);

/// <summary>Helpers shared by the services' personal-data endpoints.</summary>
public static class PersonalDataRows
{
    /// <summary>
    /// The rows a query selects, each as a JSON object: the query's only column is <c>"Value"</c>, a row turned to text
    /// by <c>to_jsonb(row)::text</c>. The query must name the organisation itself (raw SQL bypasses the query filters).
    /// </summary>
    public static async Task<IReadOnlyList<JsonElement>> ReadRowsAsync(this DatabaseFacade database, FormattableString sql, CancellationToken cancellationToken)
    {
        var rows = await database.SqlQuery<string>(sql).ToListAsync(cancellationToken);
        return [.. rows.Select(row => JsonSerializer.Deserialize<JsonElement>(row))];
    }

    /// <summary>The address to search for, trimmed and lowercased, or the 400 a person can act on.</summary>
    public static bool TryReadEmail(string? email, out string normalised, out ProblemHttpResult? problem)
    {
        normalised = ErasedCustomer.Normalise(email);
        problem = null;
        if (normalised.Length is > 0 and <= 320 && MailAddress.TryCreate(normalised, out var address) && address.Address == normalised)
        {
            return true;
        }

        problem = TypedResults.Problem(
            title: "Adresse e-mail invalide.",
            detail: "Indiquez l'adresse e-mail complète du client (par exemple marie.dupont@example.fr).",
            statusCode: StatusCodes.Status400BadRequest);
        return false;
    }
}
