using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.Api.Features.Requests;

/// <summary>« Demander l'acompte », « Demander le solde », « Demander la totalité »: the kind asked.</summary>
internal sealed record PaymentRequestBody(string? Kind);

/// <summary>
/// Staff ask the customer to pay the deposit, the balance or the whole (the amount follows from the ledger, checked under the
/// case's lock so that two staff at once never both pass), and withdraw a request still open. The request and
/// <c>PaymentRequested</c> commit together; the Notification worker emails the link.
/// </summary>
internal static class PaymentRequests
{
    public static async Task<Results<Created<LedgerView>, ValidationProblem, ProblemHttpResult>> CreateAsync(
        Guid requestId, PaymentRequestBody body, HttpContext http, PaymentDbContext db, TimeProvider time, IOptions<StripeOptions> stripe,
        CancellationToken cancellationToken)
    {
        if (!TryParseKind(body.Kind, out var kind))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["kind"] = ["Type de demande inconnu : Deposit (acompte), Balance (solde) ou Full (totalité)."] },
                title: "La demande de paiement ne peut pas être envoyée.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = await db.LockAsync(requestId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        var settings = await LedgerWork.SettingsAsync(db, ledger.Case.OrganisationId, cancellationToken);
        try
        {
            ledger.Ask(kind, LedgerWork.DepositCents(ledger.Case, settings, time), StaffName(http), time.GetUtcNow(), stripe.Value.RequestValidity);
        }
        catch (LedgerRuleException refused)
        {
            return Conflict(refused.Message);
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/payments/by-request/{requestId}", await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
    }

    public static async Task<Results<Ok<LedgerView>, ProblemHttpResult>> CancelAsync(
        Guid paymentRequestId, HttpContext http, PaymentDbContext db, SessionCloser sessions, TimeProvider time, CancellationToken cancellationToken)
    {
        var caseId = await db.PaymentRequests.Where(r => r.Id == paymentRequestId).Select(r => (Guid?)r.RequestId).SingleOrDefaultAsync(cancellationToken);
        if (caseId is null)
        {
            return NotFound(paymentRequestId);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = (await db.LockAsync(caseId.Value, cancellationToken))!;
        try
        {
            ledger.Withdraw(paymentRequestId, $"Annulée par {http.User.FindFirst(StaffClaims.Name)?.Value ?? "l'équipe"}.", time.GetUtcNow());
        }
        catch (LedgerRuleException refused)
        {
            return Conflict(refused.Message);
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessions.Wake();
        return TypedResults.Ok(await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
    }

    public static string StaffName(HttpContext http) => http.User.FindFirst(StaffClaims.Name)?.Value ?? "Équipe";

    public static bool TryParseKind(string? value, out PaymentKind kind)
    {
        kind = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0]) && value.Trim()[0] != '-'
            && Enum.TryParse(value.Trim(), ignoreCase: true, out kind) && Enum.IsDefined(kind);
    }

    private static ProblemHttpResult NotFound(Guid paymentRequestId) => TypedResults.Problem(
        title: "Demande de paiement introuvable.",
        detail: $"Aucune demande de paiement de votre organisation n'a l'identifiant {paymentRequestId}.",
        statusCode: StatusCodes.Status404NotFound);

    private static ProblemHttpResult Conflict(string reason) => TypedResults.Problem(title: reason, statusCode: StatusCodes.Status409Conflict);
}
