using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.CustomerPayments;

/// <summary>
/// « Payer »: reuses the request's live checkout session, or opens one. The session to open (its key and the moment its
/// parameters derive from) is kept and committed first, under the case's lock; the provider is called without the lock
/// (the same key and the same parameters at every retry: one session); the session is then attached under the lock if the
/// request is still payable. A key the provider refuses (used with other parameters) is renewed once.
/// </summary>
internal static class CustomerCheckout
{
    public static async Task<Results<Ok<CheckoutLink>, ValidationProblem, ProblemHttpResult>> CheckoutAsync(
        Guid paymentRequestId, CheckoutBody body, HttpContext http, PaymentDbContext db, ICheckoutProvider provider, TimeProvider time,
        CancellationToken cancellationToken)
    {
        var errors = new Dictionary<string, string[]>();
        var success = PageUrl(body.SuccessUrl, "successUrl", errors);
        var cancel = PageUrl(body.CancelUrl, "cancelUrl", errors);
        if (success is null || cancel is null)
        {
            return TypedResults.ValidationProblem(errors, title: "Le paiement ne peut pas être ouvert.");
        }

        var caseId = CustomerPaymentsEndpoints.CaseOf(http);
        var request = await db.PaymentRequests.SingleOrDefaultAsync(r => r.Id == paymentRequestId && r.RequestId == caseId, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem(title: "Demande de paiement introuvable.", statusCode: StatusCodes.Status404NotFound);
        }

        var account = await db.Cases.AsNoTracking().SingleAsync(c => c.Id == caseId, cancellationToken);
        var settings = await LedgerWork.SettingsAsync(db, account.OrganisationId, cancellationToken);
        CheckoutSession? session = null;
        for (var attempt = 0; session is null; attempt++)
        {
            var (openingAt, answer) = await PrepareAsync(db, request, account, provider, time, attempt > 0, cancellationToken);
            if (answer is not null)
            {
                return answer;
            }

            var order = new CheckoutOrder(request, account.QuoteNumber ?? "", settings.Name, success, cancel, openingAt);
            try
            {
                session = await provider.CreateAsync(order, cancellationToken);
            }
            catch (CheckoutKeyConflictException) when (attempt == 0)
            {
            }
            catch (CheckoutUnavailableException)
            {
                return TypedResults.Problem(
                    title: "Le paiement en ligne est momentanément indisponible : réessayez dans quelques minutes.", statusCode: StatusCodes.Status502BadGateway);
            }
        }

        return await AttachAsync(db, request, account, provider, session, time, cancellationToken);
    }

    /// <summary>Under the lock: refused, or the live session reused (an answer), or the session to open kept and committed (the moment it opens from).</summary>
    private static async Task<(DateTimeOffset OpeningAt, Results<Ok<CheckoutLink>, ValidationProblem, ProblemHttpResult>? Answer)> PrepareAsync(
        PaymentDbContext db, PaymentRequest request, PaymentCase account, ICheckoutProvider provider, TimeProvider time, bool renewKey,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCaseAsync(request.RequestId, cancellationToken);
        await db.Entry(request).ReloadAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (await RefusalAsync(db, request, account, now, cancellationToken) is { } refusal)
        {
            return (default, TypedResults.Problem(title: refusal, statusCode: StatusCodes.Status409Conflict));
        }

        if (request.HasLiveSessionAt(now) && request.Provider == provider.Name)
        {
            return (default, TypedResults.Ok(new CheckoutLink(request.CheckoutUrl!)));
        }

        if (renewKey)
        {
            request.RenewSessionKey(now);
        }
        else
        {
            request.PrepareSession(now, openingAt => CheckoutOrder.StillOpens(request, openingAt, now));
        }

        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return (request.SessionOpeningAt!.Value, null);
    }

    /// <summary>Under the lock again: the session attached if the request is still payable (else expired, best effort).</summary>
    private static async Task<Results<Ok<CheckoutLink>, ValidationProblem, ProblemHttpResult>> AttachAsync(
        PaymentDbContext db, PaymentRequest request, PaymentCase account, ICheckoutProvider provider, CheckoutSession session, TimeProvider time,
        CancellationToken cancellationToken)
    {
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        await db.LockCaseAsync(request.RequestId, cancellationToken);
        await db.Entry(request).ReloadAsync(cancellationToken);
        var now = time.GetUtcNow();
        if (request.CheckoutSessionId == session.Id)
        {
            return TypedResults.Ok(new CheckoutLink(request.CheckoutUrl!));
        }

        if (await RefusalAsync(db, request, account, now, cancellationToken) is { } refusal)
        {
            await transaction.RollbackAsync(cancellationToken);
            await provider.ExpireAsync(session.Id, cancellationToken);
            return TypedResults.Problem(title: refusal, statusCode: StatusCodes.Status409Conflict);
        }

        if (request.HasLiveSessionAt(now) && request.Provider == provider.Name)
        {
            // Another « Payer » attached its session meanwhile: that one is the customer's.
            return TypedResults.Ok(new CheckoutLink(request.CheckoutUrl!));
        }

        request.AttachSession(provider.Name, session.Id, session.Url, session.ExpiresAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new CheckoutLink(session.Url));
    }

    private static async Task<string?> RefusalAsync(PaymentDbContext db, PaymentRequest request, PaymentCase account, DateTimeOffset now, CancellationToken cancellationToken) =>
        (await db.LoadAsync(account, cancellationToken)).RefusalToPay(request.Id, now, Paris);

    private static string Paris(DateTimeOffset at) =>
        ParisTime.Of(at).ToString("dd/MM/yyyy 'à' HH'h'mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private static Uri? PageUrl(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && value!.Length <= 1000)
        {
            return uri;
        }

        errors[field] = ["Une adresse absolue http(s) de l'espace client est attendue."];
        return null;
    }
}
