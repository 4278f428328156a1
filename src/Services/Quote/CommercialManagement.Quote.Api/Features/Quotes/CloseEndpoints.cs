using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Quote.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommercialManagement.Quote.Api.Features.Quotes;

internal sealed record ReasonBody(string? Reason);

/// <summary>
/// A quote closed by staff: the customer's refusal (told by phone or email) or a quote withdrawn. Its places are given
/// back and <c>QuoteVoided</c> tells the dossier it can no longer be accepted or paid.
/// </summary>
internal static class CloseEndpoints
{
    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> RefuseAsync(
        Guid quoteId, ReasonBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        Invalid(body) ?? QuoteEndpoints.ChangeAsync(quoteId, db, time, cancellationToken, async (quote, now) =>
        {
            var reason = body.Reason!.Trim();
            quote.Refuse(reason, now);
            await QuoteWork.ReleaseAllAsync(db, quote, cancellationToken);
            db.AddToOutbox(new QuoteVoided
            {
                OrganisationId = quote.OrganisationId, OccurredAt = now, RequestId = quote.RequestId, QuoteId = quote.Id, Reason = $"refusé par le client ({reason})",
            });
        }, changed: false);

    public static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>> WithdrawAsync(
        Guid quoteId, ReasonBody body, HttpContext http, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken) =>
        Invalid(body) ?? QuoteEndpoints.ChangeAsync(quoteId, db, time, cancellationToken, (quote, now) =>
            QuoteWork.VoidAsync(db, quote, $"retiré par {http.User.FindFirst(StaffClaims.Name)?.Value ?? "l'équipe"} ({body.Reason!.Trim()})", now, cancellationToken), changed: false);

    private static Task<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>>? Invalid(ReasonBody body) =>
        string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Length > 500
            ? Task.FromResult<Results<Ok<QuoteView>, ValidationProblem, ProblemHttpResult>>(TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["reason"] = ["Indiquez la raison en quelques mots (500 caractères au plus)."] }))
            : null;
}
