using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Refunds;

/// <summary>
/// « Rembourser » from the payment panel: <c>purpose</c> Goodwill (« Geste commercial ») or Overpayment (« Trop-perçu »), the
/// payment given back on, the amount, the reason; <c>method</c> <c>Online</c> (through the provider that took the payment) or
/// an offline means with its reference and day (today when left out).
/// </summary>
internal sealed record StaffRefundBody(string? Purpose, Guid? PaymentId, long AmountCents, string? Reason, string? Method, string? Reference, DateOnly? RefundedOn);

/// <summary>« Rembourser ce paiement » on a flagged provider event: <c>eventId</c>.</summary>
internal sealed record UncountedRefundBody(string? EventId);

/// <summary>A refund outside a cancellation, decided and saved under the case's lock; one made online is sent after the commit.</summary>
internal static class StaffRefunds
{
    public const string OnlineMethod = "Online";
    private const int ReasonMaxLength = 1000;

    public static async Task<Results<Created<LedgerView>, ValidationProblem, ProblemHttpResult>> RefundAsync(
        Guid requestId, StaffRefundBody body, HttpContext http, PaymentDbContext db, RefundSender sender, TimeProvider time, CancellationToken cancellationToken)
    {
        var today = ParisTime.Today(time);
        var errors = Validate(body, today, out var purpose, out var means);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le remboursement ne peut pas être fait.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = await db.LockAsync(requestId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        RefundOrder? order;
        try
        {
            order = ledger.GiveBack(
                purpose, body.PaymentId!.Value, body.AmountCents, body.Reason!.Trim(), means!, Requests.PaymentRequests.StaffName(http), time.GetUtcNow());
        }
        catch (LedgerRuleException refused) when (refused.Field is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refused.Message] }, title: "Le remboursement ne peut pas être fait.");
        }
        catch (LedgerRuleException refused)
        {
            return TypedResults.Problem(title: refused.Message, statusCode: StatusCodes.Status409Conflict);
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        if (order is not null)
        {
            sender.Wake();
        }

        return TypedResults.Created($"/api/payments/by-request/{requestId}", await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
    }

    /// <summary>
    /// « Rembourser ce paiement » on a flagged event: the payment the provider took and the ledger did not count (its
    /// <c>RefundDueReference</c>) goes back whole, through the provider configured here.
    /// </summary>
    public static async Task<Results<Created<LedgerView>, ValidationProblem, ProblemHttpResult>> RefundUncountedAsync(
        Guid requestId, UncountedRefundBody body, HttpContext http, PaymentDbContext db, ICheckoutProvider provider, RefundSender sender, TimeProvider time,
        CancellationToken cancellationToken)
    {
        if (string.IsNullOrWhiteSpace(body.EventId))
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["eventId"] = ["Indiquez l'événement signalé dont le paiement est à rembourser."] }, title: "Le remboursement ne peut pas être fait.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = await db.LockAsync(requestId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        // The events table has no query filter: the case and the organisation are both explicit.
        var flagged = await db.StripeEvents.SingleOrDefaultAsync(
            e => e.Id == body.EventId && e.CaseId == requestId && e.OwnerOrganisationId == ledger.Case.OrganisationId
                && e.Outcome == StripeEventOutcome.Flagged && e.RefundDueReference != null, cancellationToken);
        var amount = flagged is null ? null : LedgerRefunds.AmountOf(flagged.Payload);
        if (flagged is null || amount is not > 0)
        {
            return TypedResults.Problem(
                title: "Aucun paiement à rembourser pour cet événement.",
                detail: $"L'événement {body.EventId} n'est pas un paiement non compté de ce dossier.", statusCode: StatusCodes.Status404NotFound);
        }

        try
        {
            ledger.GiveBackUncounted(flagged.RefundDueReference!, amount!.Value, provider.Name, Requests.PaymentRequests.StaffName(http), time.GetUtcNow());
        }
        catch (LedgerRuleException refused)
        {
            return TypedResults.Problem(title: refused.Message, statusCode: StatusCodes.Status409Conflict);
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sender.Wake();
        return TypedResults.Created($"/api/payments/by-request/{requestId}", await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
    }

    private static Dictionary<string, string[]> Validate(StaffRefundBody body, DateOnly today, out RefundPurpose purpose, out RefundInstruction? means)
    {
        var errors = new Dictionary<string, string[]>();
        means = null;
        purpose = default;
        if (body.Purpose?.Trim() is not ("Goodwill" or "Overpayment" or "Cancellation") || !Enum.TryParse(body.Purpose.Trim(), out purpose))
        {
            errors["purpose"] = ["Indiquez la raison du remboursement : Goodwill (geste commercial), Overpayment (trop-perçu) ou Cancellation (ce que l'annulation n'a pas pu rembourser en ligne)."];
        }

        if (body.PaymentId is null)
        {
            errors["paymentId"] = ["Indiquez le paiement remboursé."];
        }

        if (body.AmountCents <= 0)
        {
            errors["amountCents"] = ["Le montant doit être supérieur à zéro (en centimes)."];
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Trim().Length > ReasonMaxLength)
        {
            errors["reason"] = [$"Indiquez le motif du remboursement ({ReasonMaxLength} caractères au plus) : il figure sur l'avoir."];
        }

        if (body.RefundedOn > today)
        {
            errors["refundedOn"] = ["La date du remboursement ne peut pas être dans le futur."];
        }

        if (body.Reference?.Trim().Length > OfflinePayments.ReferenceMaxLength)
        {
            errors["reference"] = [$"La référence compte au plus {OfflinePayments.ReferenceMaxLength} caractères."];
        }

        if (string.Equals(body.Method?.Trim(), OnlineMethod, StringComparison.OrdinalIgnoreCase))
        {
            means = RefundInstruction.ThroughProvider(today);
        }
        else if (OfflinePayments.TryParseMethod(body.Method, out var method) && method != PaymentMethod.HolidayVouchers)
        {
            means = new RefundInstruction(method, body.Reference?.Trim() ?? "", body.RefundedOn ?? today);
        }
        else
        {
            errors["method"] = ["Moyen de remboursement inconnu : Online (en ligne, sur la carte payée), BankTransfer (virement), Cheque (chèque), Card (carte au comptoir) ou Cash (espèces)."];
        }

        return errors;
    }
}
