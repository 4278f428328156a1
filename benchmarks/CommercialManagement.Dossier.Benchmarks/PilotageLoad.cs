using CommercialManagement.Dossier.Api.Persistence;
using Npgsql;

namespace CommercialManagement.Dossier.Benchmarks;

/// <summary>
/// What « Pilotage » reads, for the dossiers <see cref="BoardLoad"/> wrote: each case's steps (answered, quote sent,
/// accepted, deposit, paid in full, as its column says it got there), three accepted lines per accepted case (twelve
/// products of three types; the accommodation line holds the stay), the catalogue, its payments (a deposit, then the balance; one refund in fifty) and invoices (a deposit
/// invoice, a final invoice once paid, a credit note in a hundred), and the report's maintained totals of them.
/// Deterministic from the dossier's reference.
/// </summary>
internal static class PilotageLoad
{
    public static async Task InsertAsync(NpgsqlConnection connection, Guid organisation)
    {
        await using var bulk = new NpgsqlCommand($$"""
            UPDATE dossiers d SET
                "FirstAnsweredAt" = CASE WHEN h % 10 < 9 THEN d."CreatedAt" + (h % 720 || ' minutes')::interval END,
                "FirstQuoteSentAt" = CASE WHEN d."Status" NOT IN ('Request', 'New') THEN d."CreatedAt" + (h % 2880 || ' minutes')::interval END,
                "FirstAcceptedAt" = CASE WHEN d."AcceptedTotalCents" IS NOT NULL THEN d."CreatedAt" + (2880 + h % 7200 || ' minutes')::interval END
            FROM (SELECT "Id", (hashint4(substr("Reference", 3)::int)::bigint & 2147483647) AS h FROM dossiers WHERE "OrganisationId" = '{{organisation}}') AS s
            WHERE d."Id" = s."Id";
            UPDATE dossiers SET "DepositPaidAt" = "FirstAcceptedAt" + interval '1 day'
            WHERE "OrganisationId" = '{{organisation}}' AND "PaidCents" > 0;
            UPDATE dossiers SET "PaidInFullAt" = "DepositPaidAt" + interval '20 days'
            WHERE "OrganisationId" = '{{organisation}}' AND "PaidCents" > 0 AND "PaidCents" >= "AcceptedTotalCents";
            INSERT INTO sale_entries ("Id", "OrganisationId", "DossierId", "At", "AmountCents", "ProductType", "ProductId", "ProductName", "From", "To", "Units")
            SELECT gen_random_uuid(), d."OrganisationId", d."Id", d."FirstAcceptedAt",
                   CASE line WHEN 1 THEN d."AcceptedTotalCents" * 7 / 10 WHEN 2 THEN d."AcceptedTotalCents" * 2 / 10
                             ELSE d."AcceptedTotalCents" - d."AcceptedTotalCents" * 7 / 10 - d."AcceptedTotalCents" * 2 / 10 END,
                   (ARRAY['Accommodation', 'SkiLesson', 'LiftPass'])[line],
                   md5(d."OrganisationId"::text || (line * 4 - 3 + d.h % 4))::uuid,
                   (ARRAY['Hébergement ', 'Cours ', 'Forfait '])[line] || (line * 4 - 3 + d.h % 4),
                   CASE WHEN line = 1 THEN d."Arrival" END, CASE WHEN line = 1 THEN d."Departure" END, CASE WHEN line = 1 THEN 1 ELSE 0 END
            FROM (SELECT *, hashint4(substr("Reference", 3)::int + 31)::bigint & 2147483647 AS h FROM dossiers) AS d CROSS JOIN generate_series(1, 3) AS line
            WHERE d."OrganisationId" = '{{organisation}}' AND d."AcceptedTotalCents" IS NOT NULL;
            -- The catalogue: four accommodations (600 units a night each), four lessons, four passes.
            INSERT INTO catalogue_products ("Id", "OrganisationId", "Name", "Type", "Capacity", "Retired", "ChangedAt")
            SELECT md5('{{organisation}}' || n)::uuid, '{{organisation}}', (ARRAY['Hébergement ', 'Cours ', 'Forfait '])[(n + 3) / 4] || n,
                   (ARRAY['Accommodation', 'SkiLesson', 'LiftPass'])[(n + 3) / 4], CASE WHEN n <= 4 THEN 600 END, false, now()
            FROM generate_series(1, 12) AS n;
            INSERT INTO dossier_payments ("Id", "OrganisationId", "DossierId", "AmountCents", "At")
            SELECT gen_random_uuid(), "OrganisationId", "Id", LEAST("PaidCents", 30000), "DepositPaidAt"
            FROM dossiers WHERE "OrganisationId" = '{{organisation}}' AND "PaidCents" > 0
            UNION ALL
            SELECT gen_random_uuid(), "OrganisationId", "Id", "PaidCents" - 30000, "PaidInFullAt"
            FROM dossiers WHERE "OrganisationId" = '{{organisation}}' AND "PaidCents" > 30000
            UNION ALL
            SELECT gen_random_uuid(), "OrganisationId", "Id", -5000, "PaidInFullAt" + interval '2 days'
            FROM dossiers WHERE "OrganisationId" = '{{organisation}}' AND "PaidInFullAt" IS NOT NULL AND substr("Reference", 3)::int % 50 = 0;
            INSERT INTO dossier_invoices ("Id", "OrganisationId", "DossierId", "Number", "Kind", "IssuedAt", "AmountCents", "CorrectsNumber")
            SELECT gen_random_uuid(), "OrganisationId", "Id", 'FA-A-' || "Reference", 'Deposit', "DepositPaidAt", LEAST("PaidCents", 30000), NULL
            FROM dossiers WHERE "OrganisationId" = '{{organisation}}' AND "DepositPaidAt" IS NOT NULL
            UNION ALL
            SELECT gen_random_uuid(), "OrganisationId", "Id", 'FA-F-' || "Reference", 'Final', "PaidInFullAt", "AcceptedTotalCents", NULL
            FROM dossiers WHERE "OrganisationId" = '{{organisation}}' AND "PaidInFullAt" IS NOT NULL
            UNION ALL
            SELECT gen_random_uuid(), "OrganisationId", "Id", 'AV-' || "Reference", 'CreditNote', "PaidInFullAt" + interval '2 days', 5000, 'FA-F-' || "Reference"
            FROM dossiers WHERE "OrganisationId" = '{{organisation}}' AND "PaidInFullAt" IS NOT NULL AND substr("Reference", 3)::int % 100 = 0;
            -- « Pilotage »'s maintained totals of these facts, as the service's saves keep them (the bulk load bypasses them).
            {{ReportTotals.InsertSql($"e.\"OrganisationId\" = '{organisation}'", $"i.\"OrganisationId\" = '{organisation}'", $"p.\"OrganisationId\" = '{organisation}'", 1)}};
            ANALYZE dossiers; ANALYZE sale_entries; ANALYZE dossier_payments; ANALYZE dossier_invoices; ANALYZE report_totals;
            """, connection) { CommandTimeout = 900 };
        await bulk.ExecuteNonQueryAsync();
    }
}
