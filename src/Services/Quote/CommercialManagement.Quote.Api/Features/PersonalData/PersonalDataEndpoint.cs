using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.PersonalData;

/// <summary>
/// Everything Quote holds about one address in the caller's organisation: the case's copy of the customer, the quotes of
/// those cases (or written to that address) with their lines and sent versions; each quote's PDF is listed as a file.
/// </summary>
internal static class PersonalDataEndpoint
{
    public static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> GetAsync(
        string? email, QuoteDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        var organisationId = tenant.RequiredOrganisationId;
        var database = db.Database;
        var cases = await database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM cases WHERE "OrganisationId" = {organisationId} AND lower("CustomerEmail") = {address}
            UNION
            SELECT "RequestId" FROM quotes WHERE "OrganisationId" = {organisationId} AND lower("CustomerEmail") = {address}
            """).ToArrayAsync(cancellationToken);
        var quoteIds = await database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM quotes WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
            """).ToArrayAsync(cancellationToken);
        var tables = new Dictionary<string, IReadOnlyList<System.Text.Json.JsonElement>>
        {
            ["cases"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(c)::text AS "Value" FROM cases c WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases})
                """, cancellationToken),
            ["quotes"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(q)::text AS "Value" FROM quotes q WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({quoteIds})
                ORDER BY "CreatedAt"
                """, cancellationToken),
            ["quote_lines"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(l)::text AS "Value" FROM quote_lines l WHERE "QuoteId" = ANY({quoteIds}) ORDER BY "QuoteId", "Position"
                """, cancellationToken),
            ["quote_versions"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(v)::text AS "Value" FROM quote_versions v WHERE "QuoteId" = ANY({quoteIds}) ORDER BY "QuoteId", "Version"
                """, cancellationToken),
        };
        PersonalDataFile[] files = [.. quoteIds.Select(id => new PersonalDataFile($"devis/{id}.pdf", $"/api/quotes/{id}/pdf"))];
        return TypedResults.Ok(new PersonalDataExport("quote", cases, tables, files));
    }
}
