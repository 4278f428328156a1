namespace CommercialManagement.Dossier.Api.Features.Reporting;

/// <summary>
/// The payment requests still open (neither withdrawn nor paid), as of now: those the customer can pay, and those past
/// their expiry that nothing replaced (no later request on the case), which staff should ask again.
/// </summary>
internal sealed record OpenPaymentRequests(int OpenCount, long OpenCents, int ExpiredCount, long ExpiredCents);

/// <summary>« Demandes de paiement en cours »: apart from the other queries because it depends on the moment, not the period.</summary>
internal sealed partial class ReportingQueries
{
    /// <summary>
    /// Open requests of the organisation (or the agent's cases) whose link still works at <paramref name="now"/>, and those
    /// expired without payment. An expired request stays open in Payment until someone withdraws it, also when staff
    /// simply asked again: one followed by a later request on the same case is not counted, it was dealt with.
    /// </summary>
    public async Task<OpenPaymentRequests> OpenPaymentRequestsAsync(ReportingPeriod period, DateTimeOffset now, CancellationToken cancellationToken)
    {
        const string sql = $"""
            WITH pending AS (
                SELECT r."AmountCents" AS cents, r."ExpiresAt" > @now AS payable,
                       EXISTS (SELECT 1 FROM dossier_payment_requests l WHERE l."DossierId" = r."DossierId" AND l."RequestedAt" > r."RequestedAt") AS replaced
                FROM dossier_payment_requests r JOIN dossiers d ON d."Id" = r."DossierId"
                WHERE r."OrganisationId" = @org AND r."ClosedAt" IS NULL AND {OfAssignee})
            SELECT count(*) FILTER (WHERE payable)::int, COALESCE(sum(cents) FILTER (WHERE payable), 0)::bigint,
                   count(*) FILTER (WHERE NOT payable AND NOT replaced)::int, COALESCE(sum(cents) FILTER (WHERE NOT payable AND NOT replaced), 0)::bigint
            FROM pending
            """;
        OpenPaymentRequests? requests = null;
        await ReadAsync(sql, period, reader => requests = new OpenPaymentRequests(reader.GetInt32(0), reader.GetInt64(1), reader.GetInt32(2), reader.GetInt64(3)),
            cancellationToken, now);
        return requests!;
    }
}
