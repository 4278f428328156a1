using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Notification.Worker.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Features.PersonalData;

/// <summary>
/// Everything Notification holds about one address in the caller's organisation: its copy of the customer's cases
/// (without their secrets) and every email logged for those cases or sent to that address, with its bodies. The PDFs
/// attached to them are the quotes' and invoices', exported by Quote and Payment: listed here without their bytes.
/// </summary>
internal static class PersonalDataEndpoint
{
    public static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> GetAsync(
        string? email, NotificationDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        var organisationId = tenant.RequiredOrganisationId;
        var database = db.Database;
        var cases = await database.SqlQuery<Guid>($"""
            SELECT "RequestId" AS "Value" FROM cases WHERE "OrganisationId" = {organisationId} AND lower("CustomerEmail") = {address}
            """).ToArrayAsync(cancellationToken);
        var tables = new Dictionary<string, IReadOnlyList<System.Text.Json.JsonElement>>
        {
            ["cases"] = await database.ReadRowsAsync($"""
                SELECT (to_jsonb(c) - 'CustomerSpaceToken' - 'ReplyToken')::text AS "Value" FROM cases c
                WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                """, cancellationToken),
            ["emails"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(e)::text AS "Value" FROM emails e
                WHERE "OrganisationId" = {organisationId} AND ("CaseId" = ANY({cases}) OR lower("To") = {address}) ORDER BY "QueuedAt"
                """, cancellationToken),
            ["email_attachments"] = await database.ReadRowsAsync($"""
                SELECT (to_jsonb(a) - 'Content')::text AS "Value" FROM email_attachments a
                WHERE "OrganisationId" = {organisationId} AND "EmailId" IN (
                    SELECT "Id" FROM emails WHERE "OrganisationId" = {organisationId} AND ("CaseId" = ANY({cases}) OR lower("To") = {address}))
                """, cancellationToken),
        };
        return TypedResults.Ok(new PersonalDataExport("notification", cases, tables, []));
    }
}
