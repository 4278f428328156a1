using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;

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
        var errors = Validate(body, ParisTime.Today(time), out var method);
        if (errors.Count > 0)
        {
            return TypedResults.ValidationProblem(errors, title: "Le paiement ne peut pas être enregistré.");
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        var ledger = await db.LockAsync(requestId, cancellationToken);
        if (ledger is null)
        {
            return LedgerEndpoints.NoAcceptedQuote(requestId);
        }

        try
        {
            ledger.RecordOffline(
                body.AmountCents, method, body.Reference?.Trim() ?? "", body.ReceivedOn ?? ParisTime.Today(time), Requests.PaymentRequests.StaffName(http),
                time.GetUtcNow());
        }
        catch (LedgerRuleException refused) when (refused.Field is { } field)
        {
            return TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [refused.Message] }, title: "Le paiement ne peut pas être enregistré.");
        }
        catch (LedgerRuleException refused)
        {
            return TypedResults.Problem(title: refused.Message, statusCode: StatusCodes.Status409Conflict);
        }

        await db.StageAsync(ledger, time, cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        sessions.Wake();
        return TypedResults.Created($"/api/payments/by-request/{requestId}", await LedgerWork.ViewAsync(db, ledger, time, cancellationToken));
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

    public static bool TryParseMethod(string? value, out PaymentMethod method)
    {
        method = default;
        return !string.IsNullOrWhiteSpace(value) && !char.IsAsciiDigit(value.Trim()[0])
            && Enum.TryParse(value.Trim(), ignoreCase: true, out method) && Enum.IsDefined(method);
    }
}
