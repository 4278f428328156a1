using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Dossier.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Features.PersonalData;

/// <summary>
/// Everything Dossier holds about one address in the caller's organisation: the dossiers of that customer, their history
/// and the payments they show. Its case ids (a dossier's id is its request's) are the ones an erasure names.
/// </summary>
internal static class PersonalDataEndpoint
{
    public static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> GetAsync(
        string? email, DossierDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        var organisationId = tenant.RequiredOrganisationId;
        var database = db.Database;
        var cases = await database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM dossiers WHERE "OrganisationId" = {organisationId} AND lower("CustomerEmail") = {address}
            """).ToArrayAsync(cancellationToken);
        var tables = new Dictionary<string, IReadOnlyList<System.Text.Json.JsonElement>>
        {
            ["dossiers"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(d)::text AS "Value" FROM dossiers d
                WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases}) ORDER BY "CreatedAt"
                """, cancellationToken),
            ["dossier_history"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(h)::text AS "Value" FROM dossier_history h
                WHERE "OrganisationId" = {organisationId} AND "DossierId" = ANY({cases}) ORDER BY "At"
                """, cancellationToken),
            ["dossier_payments"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(p)::text AS "Value" FROM dossier_payments p
                WHERE "OrganisationId" = {organisationId} AND "DossierId" = ANY({cases}) ORDER BY "At"
                """, cancellationToken),
        };
        return TypedResults.Ok(new PersonalDataExport("dossier", cases, tables, []));
    }
}
