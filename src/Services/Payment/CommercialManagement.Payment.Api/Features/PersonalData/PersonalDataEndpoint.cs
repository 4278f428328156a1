using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.PersonalData;

/// <summary>
/// Everything Payment holds about one address in the caller's organisation: the cases whose accepted quote (or an
/// invoice) names it, and of those cases the invoices and credit notes (each PDF listed as a file), payments, payment
/// requests, refunds, refund orders, the provider's events and the sandbox's checkout sessions.
/// </summary>
internal static class PersonalDataEndpoint
{
    public static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> GetAsync(
        string? email, PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        var organisationId = tenant.RequiredOrganisationId;
        var database = db.Database;
        var cases = await database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM cases
            WHERE "OrganisationId" = {organisationId} AND lower("AcceptedContent"->>'customerEmail') = {address}
            UNION
            SELECT "RequestId" FROM invoices
            WHERE "OrganisationId" = {organisationId} AND lower("Content"->'customer'->>'email') = {address}
            """).ToArrayAsync(cancellationToken);
        var tables = new Dictionary<string, IReadOnlyList<System.Text.Json.JsonElement>>
        {
            ["cases"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(c)::text AS "Value" FROM cases c WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases})
                """, cancellationToken),
            ["invoices"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(i)::text AS "Value" FROM invoices i WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                ORDER BY "IssuedAt"
                """, cancellationToken),
            ["payments"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(p)::text AS "Value" FROM payments p WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                ORDER BY "RecordedAt"
                """, cancellationToken),
            ["payment_requests"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(r)::text AS "Value" FROM payment_requests r WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                ORDER BY "CreatedAt"
                """, cancellationToken),
            ["refunds"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(r)::text AS "Value" FROM refunds r WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                """, cancellationToken),
            ["refund_orders"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(r)::text AS "Value" FROM refund_orders r WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                """, cancellationToken),
            ["stripe_events"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(e)::text AS "Value" FROM stripe_events e WHERE organisation_id = {organisationId} AND case_id = ANY({cases})
                ORDER BY received_at
                """, cancellationToken),
            ["sandbox_sessions"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(s)::text AS "Value" FROM sandbox_sessions s WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                """, cancellationToken),
        };
        var invoices = await database.SqlQuery<InvoiceFile>($"""
            SELECT "Id", "Number" FROM invoices WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
            """).ToListAsync(cancellationToken);
        PersonalDataFile[] files = [.. invoices.Select(i => new PersonalDataFile($"factures/{i.Number}.pdf", $"/api/payments/invoices/{i.Id}/pdf"))];
        return TypedResults.Ok(new PersonalDataExport("payment", cases, tables, files));
    }

    private sealed record InvoiceFile(Guid Id, string Number);
}
