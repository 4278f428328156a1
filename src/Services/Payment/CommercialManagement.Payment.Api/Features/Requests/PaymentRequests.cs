using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.Payment;
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
        await db.LockCaseAsync(requestId, cancellationToken);
        var account = await db.Cases.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (account?.AcceptedQuoteId is null)
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        var settings = await LedgerWork.SettingsAsync(db, account.OrganisationId, cancellationToken);
        // What the case holds, as the ledger and offline payments count it: received less refunded.
        var paid = await PaymentRecording.NetPaidAsync(db, requestId, cancellationToken);
        var requests = await LedgerWork.RequestsAsync(db, requestId, cancellationToken);
        var now = time.GetUtcNow();
        var option = RequestRules.Option(kind, account, LedgerWork.DepositCents(account, settings, time), paid, requests, now);
        if (!option.Allowed)
        {
            return Conflict(option.Refusal!);
        }

        var staff = http.User.FindFirst(StaffClaims.Name)?.Value ?? "Équipe";
        var request = PaymentRequest.Create(account, kind, option.AmountCents, staff, now, stripe.Value.RequestValidity);
        db.PaymentRequests.Add(request);
        db.AddToOutbox(new PaymentRequested
        {
            OrganisationId = account.OrganisationId, OccurredAt = now, RequestId = account.Id, PaymentRequestId = request.Id, QuoteId = request.QuoteId,
            QuoteNumber = account.QuoteNumber ?? "", Kind = kind.ToString(), AmountCents = request.AmountCents, AcceptedTotalCents = account.AcceptedTotalCents,
            PaidCents = paid, ExpiresAt = request.ExpiresAt,
        });
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/payments/by-request/{requestId}", await LedgerWork.ViewAsync(db, account, time, cancellationToken));
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
        await db.LockCaseAsync(caseId.Value, cancellationToken);
        var request = await db.PaymentRequests.SingleAsync(r => r.Id == paymentRequestId, cancellationToken);
        if (request.Status != PaymentRequestStatus.Open)
        {
            return Conflict(request.Status == PaymentRequestStatus.Paid
                ? "Cette demande est déjà payée : elle ne peut plus être annulée."
                : "Cette demande est déjà annulée.");
        }

        var now = time.GetUtcNow();
        request.Cancel($"Annulée par {http.User.FindFirst(StaffClaims.Name)?.Value ?? "l'équipe"}.", now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessions.Wake();
        var account = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        return TypedResults.Ok(await LedgerWork.ViewAsync(db, account, time, cancellationToken));
    }

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
