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
            WHERE cases."OrganisationId" = EXCLUDED."OrganisationId"
              AND (cases."TokenChangedAt" IS NULL OR cases."TokenChangedAt" < EXCLUDED."TokenChangedAt")
            """,
            cancellationToken);

    /// <summary>
    /// Keeps the customer's name, address and language, in one statement as the token. Each detail is taken from the
    /// latest event that gives it: a later event overrides what it carries, an older one arriving late only fills what
    /// is still unknown. Blank values count as not given (a quote sent before its customer form existed).
    /// </summary>
    public static Task KeepCustomerAsync(
        NotificationDbContext db, Guid organisationId, Guid requestId, string? name, string? email, string? language, DateTimeOffset at,
        CancellationToken cancellationToken)
    {
        var givenName = Given(name, NotificationDbContext.CustomerNameLength);
        var givenEmail = Given(email, NotificationDbContext.EmailLength);
        var givenLanguage = Given(language, NotificationDbContext.LanguageLength);
        return db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO cases ("RequestId", "OrganisationId", "CustomerName", "CustomerEmail", "Language", "CustomerChangedAt")
            VALUES ({requestId}, {organisationId}, {givenName}, {givenEmail}, {givenLanguage}, {at})
            ON CONFLICT ("RequestId") DO UPDATE
            SET "CustomerName" = CASE WHEN cases."CustomerChangedAt" IS NULL OR cases."CustomerChangedAt" < EXCLUDED."CustomerChangedAt"
                    THEN COALESCE(EXCLUDED."CustomerName", cases."CustomerName") ELSE COALESCE(cases."CustomerName", EXCLUDED."CustomerName") END,
                "CustomerEmail" = CASE WHEN cases."CustomerChangedAt" IS NULL OR cases."CustomerChangedAt" < EXCLUDED."CustomerChangedAt"
                    THEN COALESCE(EXCLUDED."CustomerEmail", cases."CustomerEmail") ELSE COALESCE(cases."CustomerEmail", EXCLUDED."CustomerEmail") END,
                "Language" = CASE WHEN cases."CustomerChangedAt" IS NULL OR cases."CustomerChangedAt" < EXCLUDED."CustomerChangedAt"
                    THEN COALESCE(EXCLUDED."Language", cases."Language") ELSE COALESCE(cases."Language", EXCLUDED."Language") END,
                "CustomerChangedAt" = GREATEST(cases."CustomerChangedAt", EXCLUDED."CustomerChangedAt")
            WHERE cases."OrganisationId" = EXCLUDED."OrganisationId"
            """,
            cancellationToken);
    }

    /// <summary>
    /// Keeps the case's reply token, in one statement as the customer space's token. A case has one for good: a later
    /// event sets it only while it is unknown, and nothing clears it (events without one say nothing about it).
    /// </summary>
    public static Task KeepReplyTokenAsync(
        NotificationDbContext db, Guid organisationId, Guid requestId, string replyToken, CancellationToken cancellationToken) =>
        db.Database.ExecuteSqlAsync(
            $"""
            INSERT INTO cases ("RequestId", "OrganisationId", "ReplyToken")
            VALUES ({requestId}, {organisationId}, {replyToken})
            ON CONFLICT ("RequestId") DO UPDATE
            SET "ReplyToken" = EXCLUDED."ReplyToken"
            WHERE cases."OrganisationId" = EXCLUDED."OrganisationId" AND cases."ReplyToken" IS NULL
            """,
            cancellationToken);

    private static string? Given(string? value, int maxLength)
    {
        var trimmed = value?.Trim();
        return string.IsNullOrEmpty(trimmed) ? null : trimmed[..Math.Min(trimmed.Length, maxLength)];
    }
}
