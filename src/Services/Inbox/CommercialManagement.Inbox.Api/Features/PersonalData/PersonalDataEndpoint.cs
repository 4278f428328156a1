using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.PersonalData;

/// <summary>
/// Everything Inbox holds about one address in the caller's organisation: the requests written from it (without their
/// two secrets), their conversations, the files attached, the reply threads, and the mailbox's log of the emails it sent
/// (with or without a request). The originals and attachments are listed as files, fetched by the gateway from the
/// existing download routes. Its case ids are the ones an erasure names.
/// </summary>
internal static class PersonalDataEndpoint
{
    public static async Task<Results<Ok<PersonalDataExport>, ProblemHttpResult>> GetAsync(
        string? email, InboxDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        if (!PersonalDataRows.TryReadEmail(email, out var address, out var problem))
        {
            return problem!;
        }

        var organisationId = tenant.RequiredOrganisationId;
        var database = db.Database;
        var cases = await database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM requests WHERE "OrganisationId" = {organisationId} AND lower("CustomerEmail") = {address}
            """).ToArrayAsync(cancellationToken);
        var tables = new Dictionary<string, IReadOnlyList<System.Text.Json.JsonElement>>
        {
            ["requests"] = await database.ReadRowsAsync($"""
                SELECT (to_jsonb(r) - 'CustomerSpaceToken' - 'ReplyToken')::text AS "Value" FROM requests r
                WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases}) ORDER BY "ReceivedAt"
                """, cancellationToken),
            ["messages"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(m)::text AS "Value" FROM messages m
                WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases}) ORDER BY "PostedAt"
                """, cancellationToken),
            ["message_attachments"] = await database.ReadRowsAsync($"""
                SELECT (to_jsonb(a) - 'Content')::text AS "Value" FROM message_attachments a
                WHERE "OrganisationId" = {organisationId}
                  AND "MessageId" IN (SELECT "Id" FROM messages WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases}))
                """, cancellationToken),
            ["inbound_emails"] = await database.ReadRowsAsync($"""
                SELECT (to_jsonb(e) - 'Raw')::text AS "Value" FROM inbound_emails e
                WHERE "OrganisationId" = {organisationId} AND ("RequestId" = ANY({cases}) OR lower("FromAddress") = {address})
                ORDER BY "ReceivedAt"
                """, cancellationToken),
            ["email_thread_links"] = await database.ReadRowsAsync($"""
                SELECT to_jsonb(l)::text AS "Value" FROM email_thread_links l
                WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                """, cancellationToken),
        };

        var originals = await db.Messages.AsNoTracking()
            .Where(m => cases.Contains(m.RequestId) && m.InboundEmailId != null
                && db.InboundEmails.Any(e => e.Id == m.InboundEmailId && e.Raw.Length > 0))
            .Select(m => new { m.Id, m.RequestId })
            .ToListAsync(cancellationToken);
        var attachments = await db.Attachments.AsNoTracking()
            .Where(a => a.Content != null)
            .Join(db.Messages.Where(m => cases.Contains(m.RequestId)), a => a.MessageId, m => m.Id, (a, m) => new { a.Id, a.FileName, m.RequestId })
            .ToListAsync(cancellationToken);
        PersonalDataFile[] files =
        [
            .. originals.Select(o => new PersonalDataFile($"originaux/{o.Id}.eml", $"/api/requests/{o.RequestId}/messages/{o.Id}/original?download=true")),
            .. attachments.Select(a => new PersonalDataFile($"pieces-jointes/{a.Id}/{a.FileName}", $"/api/requests/{a.RequestId}/attachments/{a.Id}")),
        ];
        return TypedResults.Ok(new PersonalDataExport("inbox", cases, tables, files));
    }
}
