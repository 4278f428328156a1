using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.CustomerPayments;

/// <summary>A request the customer can pay now (open, not expired).</summary>
internal sealed record CustomerPaymentDue(Guid Id, string Kind, string KindLabel, long AmountCents, DateTimeOffset ExpiresAt, string? LastFailure);

/// <summary>A payment received, as the customer's receipt line reads it.</summary>
internal sealed record CustomerPaymentMade(string KindLabel, long AmountCents, DateOnly ReceivedOn, string MethodLabel);

/// <summary>The payments as the customer reads them in the customer space: what is due, what was paid.</summary>
internal sealed record CustomerPayments(
    string QuoteNumber, long AcceptedTotalCents, long PaidCents, long RemainingCents, IReadOnlyList<CustomerPaymentDue> Due, IReadOnlyList<CustomerPaymentMade> Paid);

/// <summary>Where the browser goes back after paying or giving up: pages of the customer space, built by the gateway.</summary>
internal sealed record CheckoutBody(string? SuccessUrl, string? CancelUrl);

/// <summary>The checkout page to send the browser to (Stripe's, or the sandbox's).</summary>
internal sealed record CheckoutLink(string Url);

/// <summary>
/// What the gateway's customer space calls with a customer token (one case, policy « Customer »): what is due and paid, and
/// « Payer », which opens (or reuses) the checkout session of a request and answers the page to send the browser to.
/// </summary>
internal static class CustomerPaymentsEndpoints
{
    public static async Task<Results<Ok<CustomerPayments>, ProblemHttpResult>> GetAsync(
        HttpContext http, PaymentDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var caseId = CaseOf(http);
        var account = await db.Cases.AsNoTracking().SingleOrDefaultAsync(c => c.Id == caseId, cancellationToken);
        if (account?.AcceptedQuoteId is null)
        {
            return TypedResults.Problem(title: "Aucun paiement à consulter pour l'instant.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = time.GetUtcNow();
        var payments = await LedgerWork.PaymentsAsync(db, caseId, cancellationToken);
        var requests = await LedgerWork.RequestsAsync(db, caseId, cancellationToken);
        var paid = payments.Sum(p => p.AmountCents);
        return TypedResults.Ok(new CustomerPayments(
            account.QuoteNumber ?? "", account.AcceptedTotalCents, paid, Math.Max(account.AcceptedTotalCents - paid, 0),
            [.. requests.Where(r => r.IsPayableAt(now)).Select(r => new CustomerPaymentDue(r.Id, r.Kind.ToString(), r.Kind.Label(), r.AmountCents, r.ExpiresAt, r.LastFailure))],
            [.. payments.Select(p => new CustomerPaymentMade(p.Kind.Label(), p.AmountCents, p.ReceivedOn, p.Method.Label()))]));
    }

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

        var caseId = CaseOf(http);
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        // One « Payer » at a time per case: two clicks never open two sessions.
        await db.LockCaseAsync(caseId, cancellationToken);
        var request = await db.PaymentRequests.SingleOrDefaultAsync(r => r.Id == paymentRequestId && r.RequestId == caseId, cancellationToken);
        if (request is null)
        {
            return TypedResults.Problem(title: "Demande de paiement introuvable.", statusCode: StatusCodes.Status404NotFound);
        }

        var now = time.GetUtcNow();
        if (Refusal(request, now) is { } refusal)
        {
            return TypedResults.Problem(title: refusal, statusCode: StatusCodes.Status409Conflict);
        }

        if (request.HasLiveSessionAt(now) && request.Provider == provider.Name)
        {
            return TypedResults.Ok(new CheckoutLink(request.CheckoutUrl!));
        }

        var account = await db.Cases.SingleAsync(c => c.Id == caseId, cancellationToken);
        var settings = await LedgerWork.SettingsAsync(db, account.OrganisationId, cancellationToken);
        var order = new CheckoutOrder(request, account.QuoteNumber ?? "", settings.Name, success, cancel, now);
        CheckoutSession session;
        try
        {
            session = await provider.CreateAsync(order, cancellationToken);
        }
        catch (CheckoutUnavailableException)
        {
            return TypedResults.Problem(
                title: "Le paiement en ligne est momentanément indisponible : réessayez dans quelques minutes.", statusCode: StatusCodes.Status502BadGateway);
        }

        request.AttachSession(provider.Name, session.Id, session.Url, session.ExpiresAt);
        await db.SaveChangesAsync(cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(new CheckoutLink(session.Url));
    }

    private static string? Refusal(PaymentRequest request, DateTimeOffset now) => request.Status switch
    {
        PaymentRequestStatus.Paid => "Ce paiement est déjà réglé : merci !",
        PaymentRequestStatus.Cancelled => "Cette demande de paiement a été annulée : contactez-nous si vous souhaitez régler.",
        _ when request.IsExpiredAt(now) => $"Cette demande de paiement a expiré le {Paris(request.ExpiresAt)} : contactez-nous pour en recevoir une nouvelle.",
        _ => null,
    };

    private static string Paris(DateTimeOffset at) =>
        TimeZoneInfo.ConvertTime(at, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).ToString("dd/MM/yyyy 'à' HH'h'mm", System.Globalization.CultureInfo.GetCultureInfo("fr-FR"));

    private static Uri? PageUrl(string? value, string field, Dictionary<string, string[]> errors)
    {
        if (Uri.TryCreate(value?.Trim(), UriKind.Absolute, out var uri) && (uri.Scheme == Uri.UriSchemeHttp || uri.Scheme == Uri.UriSchemeHttps) && value!.Length <= 1000)
        {
            return uri;
        }

        errors[field] = ["Une adresse absolue http(s) de l'espace client est attendue."];
        return null;
    }

    private static Guid CaseOf(HttpContext http) => Guid.Parse(http.User.FindFirst(StaffClaims.CaseId)!.Value);
}
