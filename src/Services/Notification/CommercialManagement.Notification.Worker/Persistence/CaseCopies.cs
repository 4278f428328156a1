using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Notification.Worker.Persistence;

internal static class CaseCopies
{
    /// <summary>
    /// Keeps the customer space's token of a case, in the consumer's transaction. One statement, so that two events
    /// about the same case consumed at once cannot both insert, nor the older one overwrite the newer: the token
    /// changes only for a later event of the same organisation.
    /// </summary>
    public static Task KeepTokenAsync(
        NotificationDbContext db, Guid organisationId, Guid requestId, string token, DateTimeOffset at, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO cases ("RequestId", "OrganisationId", "CustomerSpaceToken", "TokenChangedAt")
            VALUES ({requestId}, {organisationId}, {token}, {at})
            ON CONFLICT ("RequestId") DO UPDATE
            SET "CustomerSpaceToken" = EXCLUDED."CustomerSpaceToken", "TokenChangedAt" = EXCLUDED."TokenChangedAt"
            WHERE cases."OrganisationId" = EXCLUDED."OrganisationId" AND cases."TokenChangedAt" < EXCLUDED."TokenChangedAt"
            """,
            cancellationToken);
}
