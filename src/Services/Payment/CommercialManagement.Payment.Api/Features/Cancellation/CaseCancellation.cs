using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;

namespace CommercialManagement.Payment.Api.Features.Cancellation;

/// <summary>How the money is given back: <c>method</c> <c>Online</c> (through the provider that took the payments) or as for an offline payment, its reference, the day (today when left out).</summary>
internal sealed record RefundBody(string? Method, string? Reference, DateOnly? RefundedOn);

/// <summary>
/// « Annuler le dossier »: who asked (<c>Customer</c> or <c>Organisation</c>), why; <c>retainedCents</c> and
/// <c>overrideReason</c> only to keep another amount than the terms' (an Admin only); <c>refund</c> when money is given back.
/// </summary>
internal sealed record CancellationBody(string? RequestedBy, string? Reason, long? RetainedCents, string? OverrideReason, RefundBody? Refund);

/// <summary>
/// The terms applied today: the row that applies, the amounts, every row of the organisation's terms, and what the payments
/// made online can give back on their cards (<c>refund.method</c> <c>Online</c> when it covers the refund).
/// </summary>
internal sealed record CancellationView(
    int DaysBeforeArrival, string Rule, long AcceptedTotalCents, long TermsRetainedCents, long HeldCents, long KeptCents, long RefundCents,
    IReadOnlyList<string> Terms, bool CanOverride, long OnlineRefundableCents = 0);

/// <summary>The preview of « Annuler le dossier », and its confirmation (one transaction under the case's lock).</summary>
internal static class CaseCancellation
{
    private const int ReasonMaxLength = 1000;

    public static async Task<Results<Ok<CancellationView>, ProblemHttpResult>> PreviewAsync(
        Guid requestId, HttpContext http, PaymentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var ledger = await db.ReadAsync(requestId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        try
        {
            return TypedResults.Ok(View(ledger.PreviewCancellation(LedgerWork.DepositCents(ledger.Case, ledger.Seller, time), ParisTime.Today(time)), http));
        }
        catch (LedgerRuleException refused)
        {
            return TypedResults.Problem(title: refused.Message, statusCode: StatusCodes.Status409Conflict);
        }
    }

    public static async Task<Results<Ok<LedgerView>, ValidationProblem, ProblemHttpResult>> CancelAsync(
        Guid requestId, CancellationBody body, HttpContext http, PaymentDbContext db, SessionCloser sessions, RefundSender refunds, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = Validate(body, http, ParisTime.Today(time), out var requestedBy, out var refund);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le dossier ne peut pas être annulé.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = await db.LockAsync(requestId, cancellationToken);
        if (ledger is not { HasAcceptedQuote: true })
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        try
        {
            ledger.Cancel(
                requestedBy, body.Reason!.Trim(), LedgerWork.DepositCents(ledger.Case, ledger.Seller, time), body.RetainedCents, body.OverrideReason, refund,
                Requests.PaymentRequests.StaffName(http), ParisTime.Today(time), time.GetUtcNow());
        }
        catch (LedgerRuleException refused) when (refused.Field is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refused.Message] }, title: "Le dossier ne peut pas être annulé.");
        }
        catch (LedgerRuleException refused)
        {
            return TypedResults.Problem(title: refused.Message, statusCode: StatusCodes.Status409Conflict);
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessions.Wake();
        refunds.Wake();
        return TypedResults.Ok(await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
    }

    private static CancellationView View(CancellationPreview preview, HttpContext http) => new(
        preview.DaysBeforeArrival, preview.Rule, preview.AcceptedTotalCents, preview.TermsRetainedCents, preview.HeldCents, preview.KeptCents, preview.RefundCents,
        preview.Terms, IsAdmin(http), preview.OnlineRefundableCents);

    private static bool IsAdmin(HttpContext http) => http.User.HasClaim(StaffClaims.Role, StaffClaims.AdminRole);

    private static Dictionary<string, string[]> Validate(CancellationBody body, HttpContext http, DateOnly today, out CancellationRequestedBy requestedBy, out RefundInstruction? refund)
    {
        var errors = new Dictionary<string, string[]>();
        refund = null;
        if (!Enum.TryParse(body.RequestedBy?.Trim(), ignoreCase: false, out requestedBy) || !Enum.IsDefined(requestedBy) || char.IsAsciiDigit(body.RequestedBy!.Trim()[0]))
        {
            errors["requestedBy"] = ["Indiquez qui demande l'annulation : Customer (le client) ou Organisation (votre organisation)."];
        }

        if (string.IsNullOrWhiteSpace(body.Reason) || body.Reason.Trim().Length > ReasonMaxLength)
        {
            errors["reason"] = [$"Indiquez le motif de l'annulation ({ReasonMaxLength} caractères au plus)."];
        }

        if (body.RetainedCents is not null && !(IsAdmin(http)))
        {
            errors["retainedCents"] = ["Seul un administrateur peut retenir un autre montant que celui des conditions d'annulation."];
        }

        if (body.OverrideReason?.Trim().Length > ReasonMaxLength)
        {
            errors["overrideReason"] = [$"Le motif compte au plus {ReasonMaxLength} caractères."];
        }

        if (body.Refund is { } online && string.Equals(online.Method?.Trim(), Refunds.StaffRefunds.OnlineMethod, StringComparison.OrdinalIgnoreCase))
        {
            refund = RefundInstruction.ThroughProvider(today);
        }
        else if (body.Refund is { } given)
        {
            if (!OfflinePayments.TryParseMethod(given.Method, out var method))
            {
                errors["refund.method"] = ["Moyen de remboursement inconnu : Online (en ligne, sur la carte payée), BankTransfer (virement), Cheque (chèque), Card (carte bancaire) ou Cash (espèces)."];
            }
            else if (given.RefundedOn > today)
            {
                errors["refund.refundedOn"] = ["La date du remboursement ne peut pas être dans le futur."];
            }
            else if (given.Reference?.Trim().Length > 100)
            {
                errors["refund.reference"] = ["La référence compte au plus 100 caractères."];
            }
            else
            {
                refund = new RefundInstruction(method, given.Reference?.Trim() ?? "", given.RefundedOn ?? today);
            }
        }

        return errors;
    }
}
