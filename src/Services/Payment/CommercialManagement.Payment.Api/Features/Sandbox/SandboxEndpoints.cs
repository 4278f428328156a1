using System.Text;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.Api.Features.Sandbox;

/// <summary>
/// The sandbox's checkout page (anonymous, only without Stripe keys: else 404): the session must exist and its request be
/// payable. A test card that pays sends the signed <c>checkout.session.completed</c> to the webhook, then 303 to the success
/// page; a declined card, or a webhook that does not answer, shows the error on the page and sends nothing more.
/// </summary>
internal static class SandboxEndpoints
{
    public static async Task<Results<ContentHttpResult, NotFound>> ShowAsync(
        string sessionId, PaymentDbContext db, TenantContext tenant, IOptions<StripeOptions> stripe, TimeProvider time, CancellationToken cancellationToken)
    {
        if (!stripe.Value.UseSandbox)
        {
            return TypedResults.NotFound();
        }

        var (session, request) = await FindAsync(sessionId, db, tenant, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        return Page(Model(session, request, time.GetUtcNow(), null, null));
    }

    public static async Task<Results<ContentHttpResult, SeeOtherHttpResult, NotFound>> PayAsync(
        string sessionId, HttpRequest http, PaymentDbContext db, TenantContext tenant, IOptions<StripeOptions> stripe, SandboxWebhookClient webhook,
        TimeProvider time, CancellationToken cancellationToken)
    {
        if (!stripe.Value.UseSandbox)
        {
            return TypedResults.NotFound();
        }

        var (session, request) = await FindAsync(sessionId, db, tenant, cancellationToken);
        if (session is null)
        {
            return TypedResults.NotFound();
        }

        var now = time.GetUtcNow();
        if (Model(session, request, now, null, null) is { Payable: false } closed)
        {
            return Page(closed, StatusCodes.Status409Conflict);
        }

        var form = http.HasFormContentType ? await http.ReadFormAsync(cancellationToken) : FormCollection.Empty;
        var card = new SandboxCardForm(form["email"].ToString(), form["card"].ToString(), form["expiry"].ToString(), form["cvc"].ToString(), form["name"].ToString());
        if (SandboxCard.Refusal(card, ParisTime.Today(time)) is { } refusal)
        {
            return Page(Model(session, request, now, card, refusal), StatusCodes.Status402PaymentRequired);
        }

        await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
        {
            // Two submits at once draw one event id; the lock is released before the webhook is called.
            await db.LockCaseAsync(session.RequestId, cancellationToken);
            await db.Entry(session).ReloadAsync(cancellationToken);
            if (session.Status != SandboxSessionStatus.Open)
            {
                return new SeeOtherHttpResult(session.SuccessUrl);
            }

            // Checked again under the lock: a request cancelled or paid meanwhile (staff, an offline payment) takes no payment.
            if (request is not null)
            {
                await db.Entry(request).ReloadAsync(cancellationToken);
            }

            if (Model(session, request, now, null, null) is { Payable: false } closedMeanwhile)
            {
                return Page(closedMeanwhile, StatusCodes.Status409Conflict);
            }

            session.Pay(now);
            await db.SaveChangesAsync(cancellationToken);
            await transaction.CommitAsync(cancellationToken);
        }

        var payload = SandboxEvent.Completed(session, card.Email.Trim());
        if (!await webhook.DeliverAsync(payload, SandboxEvent.Sign(payload, stripe.Value.WebhookSecret, time.GetUtcNow()), cancellationToken))
        {
            return Page(Model(session, request, now, card with { CardNumber = "", Cvc = "" },
                "Le paiement n'a pas pu être confirmé pour le moment. Réessayez : il ne sera compté qu'une fois."), StatusCodes.Status502BadGateway);
        }

        session.Complete(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return new SeeOtherHttpResult(session.SuccessUrl);
    }

    private static async Task<(SandboxSession? Session, PaymentRequest? Request)> FindAsync(
        string sessionId, PaymentDbContext db, TenantContext tenant, CancellationToken cancellationToken)
    {
        // Anonymous: the unguessable session id is the only key, and names the organisation the rest is read in.
        var session = await db.SandboxSessions.IgnoreQueryFilters().SingleOrDefaultAsync(s => s.Id == sessionId, cancellationToken);
        if (session is null)
        {
            return (null, null);
        }

        tenant.Use(session.OrganisationId);
        return (session, await db.PaymentRequests.SingleOrDefaultAsync(r => r.Id == session.PaymentRequestId, cancellationToken));
    }

    private static SandboxPageModel Model(SandboxSession session, PaymentRequest? request, DateTimeOffset now, SandboxCardForm? card, string? error)
    {
        var message = session.Status == SandboxSessionStatus.Complete || request?.Status == PaymentRequestStatus.Paid
            ? "Ce paiement a déjà été effectué. Merci !"
            : request is null || !request.IsPayableAt(now) || !session.IsOpenAt(now)
                ? "Cette page de paiement n'est plus valable : revenez à votre espace client pour payer."
                : null;
        return new SandboxPageModel(
            session.MerchantName.Length > 0 ? session.MerchantName : "Votre prestataire", session.Description, Euros.Format(session.AmountCents),
            session.Status == SandboxSessionStatus.Complete ? session.SuccessUrl : session.CancelUrl, message is null, message, error,
            card?.Email ?? "", card?.CardNumber ?? "", card?.Expiry ?? "", card?.Cvc ?? "", card?.Name ?? "");
    }

    private static ContentHttpResult Page(SandboxPageModel model, int status = StatusCodes.Status200OK) =>
        TypedResults.Content(SandboxPage.Render(model), "text/html; charset=utf-8", Encoding.UTF8, status);
}

/// <summary>303 See Other: after the form's POST, the browser GETs the success page.</summary>
internal sealed class SeeOtherHttpResult(string location) : IResult
{
    public string Location { get; } = location;

    public Task ExecuteAsync(HttpContext httpContext)
    {
        httpContext.Response.StatusCode = StatusCodes.Status303SeeOther;
        httpContext.Response.Headers.Location = Location;
        return Task.CompletedTask;
    }
}
