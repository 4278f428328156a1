using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Ledger;

/// <summary>An offline payment as staff type it; the date is the day it was received (Europe/Paris), today when left out.</summary>
internal sealed record OfflinePaymentBody(long AmountCents, string? Method, string? Reference, DateOnly? ReceivedOn);

/// <summary>
/// Staff record a payment received offline (transfer, cheque, chèques vacances, cash): checked against what remains of the
/// accepted total, the case locked so that two staff at once never both pass; the row and <c>PaymentReceived</c> commit together,
/// with the cancellation of the open requests that no longer fit what remains (their live sessions closed after, by the SessionCloser).
/// </summary>
internal static class OfflinePayments
{
    public const int ReferenceMaxLength = 100;

    public static async Task<Results<Created<LedgerView>, ValidationProblem, ProblemHttpResult>> RecordAsync(
        Guid requestId, OfflinePaymentBody body, HttpContext http, PaymentDbContext db, SessionCloser sessions, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = Validate(body, LedgerWork.Today(time), out var method);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le paiement ne peut pas être enregistré.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCaseAsync(requestId, cancellationToken);
        var account = await db.Cases.SingleOrDefaultAsync(c => c.Id == requestId, cancellationToken);
        if (account is null)
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        if (account.AcceptedQuoteId is null)
        {
            return Conflict("Ce dossier n'a pas de devis accepté : aucun paiement ne peut être enregistré.");
        }

        if (account.AcceptedQuoteVoided)
        {
            return Conflict($"Le devis {account.QuoteNumber} est annulé : aucun paiement ne peut être enregistré sur ce devis.");
        }

        var payments = await LedgerWork.PaymentsAsync(db, requestId, cancellationToken);
        var paid = await PaymentRecording.NetPaidAsync(db, requestId, cancellationToken);
        var remaining = account.AcceptedTotalCents - paid;
        if (body.AmountCents > remaining)
        {
            return TypedResults.ValidationProblem(
                new Dictionary<string, string[]> { ["amountCents"] = [$"Le montant dépasse le reste à payer ({Domain.Ledger.Euros(Math.Max(remaining, 0))})."] },
                title: "Le paiement ne peut pas être enregistré.");
        }

        var now = time.GetUtcNow();
        var kind = Domain.Ledger.KindOf(paid, payments.Count, body.AmountCents, account.AcceptedTotalCents);
        var staff = http.User.FindFirst(StaffClaims.Name)?.Value ?? "Équipe";
        var payment = Domain.Payment.Record(account, kind, body.AmountCents, method, body.Reference?.Trim() ?? "", body.ReceivedOn ?? LedgerWork.Today(time), staff, now);
        PaymentRecording.Record(db, account, payment, paid, now);
        CancelWhatNoLongerFits(await LedgerWork.RequestsAsync(db, requestId, cancellationToken), payment, remaining - body.AmountCents, staff, now);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessions.Wake();
        return TypedResults.Created($"/api/payments/by-request/{requestId}", await LedgerWork.ViewAsync(db, account, time, cancellationToken));
    }

    /// <summary>The open requests asking more than what remains once this payment is counted: cancelled, so the customer cannot overpay.</summary>
    private static List<PaymentRequest> CancelWhatNoLongerFits(
        IEnumerable<PaymentRequest> requests, Domain.Payment payment, long remainingCents, string staff, DateTimeOffset now)
    {
        var cancelled = requests.Where(r => r.Status == PaymentRequestStatus.Open && r.AmountCents > remainingCents).ToList();
        foreach (var request in cancelled)
        {
            request.Cancel($"Annulée : le paiement de {Domain.Ledger.Euros(payment.AmountCents)} enregistré par {staff} laisse "
                + $"{Domain.Ledger.Euros(Math.Max(remainingCents, 0))} à payer, moins que cette demande.", now);
        }

        return cancelled;
    }

    private static Dictionary<string, string[]> Validate(OfflinePaymentBody body, DateOnly today, out PaymentMethod method)
    {
        var errors = new Dictionary<string, string[]>();
        if (body.AmountCents <= 0)
        {
            errors["amountCents"] = ["Le montant doit être supérieur à zéro (en centimes)."];
        }

        method = default;
        if (!TryParseMethod(body.Method, out method))
        {
            errors["method"] = ["Moyen de paiement inconnu : BankTransfer (virement), Cheque (chèque), HolidayVouchers (chèques vacances), Card (carte bancaire) ou Cash (espèces)."];
        }
        else if (method.NeedsReference() && string.IsNullOrWhiteSpace(body.Reference))
        {
            errors["reference"] = [$"Indiquez la référence du {(method == PaymentMethod.Cheque ? "chèque (son numéro)" : "virement")}."];
        }

        if (body.Reference?.Trim().Length > ReferenceMaxLength)
        {
            errors["reference"] = [$"La référence compte au plus {ReferenceMaxLength} caractères."];
        }

        if (body.ReceivedOn > today)
        {
            errors["receivedOn"] = ["La date de réception ne peut pas être dans le futur."];
        }

        return errors;
    }

    private static bool TryParseMethod(string? value, out PaymentMethod method)
    {
        method = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0])
            && Enum.TryParse(value.Trim(), ignoreCase: true, out method) && Enum.IsDefined(method);
    }

    private static ProblemHttpResult Conflict(string reason) => TypedResults.Problem(title: reason, statusCode: StatusCodes.Status409Conflict);
}
