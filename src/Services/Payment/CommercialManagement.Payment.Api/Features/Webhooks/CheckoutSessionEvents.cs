using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Ledger;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>
/// A checkout session's events, matched with our payment request before anything: the metadata's organisation, case and
/// request ids, the currency and the amount must be ours (else flagged, never applied). Then, the case locked: paid →
/// one payment per request and per payment intent; failed (the request's current session only) → the request stays open
/// with the failure; expired → the session is closed. After a payment nothing moves the request backwards.
/// </summary>
internal sealed class CheckoutSessionEvents(PaymentDbContext db, TenantContext tenant, TimeProvider time)
{
    public const string RecordedBy = "Paiement en ligne (Stripe)";

    public const string AsyncFailure = "Le paiement a été refusé par la banque ; le lien reste valable pour un nouvel essai.";

    public async Task<StripeEventResult> HandleAsync(StripeEvent stored, StripeEnvelope envelope, CancellationToken cancellationToken)
    {
        if (CheckoutSessionData.From(envelope.Object) is not { } session)
        {
            return StripeEventResult.Flagged("Événement sans session de paiement lisible.");
        }

        var (request, flag) = await MatchAsync(stored, session, cancellationToken);
        if (request is null)
        {
            return StripeEventResult.Flagged(flag!);
        }

        return envelope.Type switch
        {
            StripeEventHandlers.SessionCompleted when session.PaymentStatus == "paid" => await RecordAsync(request, session, envelope, cancellationToken),
            StripeEventHandlers.SessionCompleted => StripeEventResult.Ignored($"Session terminée sans paiement immédiat (statut « {session.PaymentStatus} ») : en attente du résultat."),
            StripeEventHandlers.AsyncPaymentSucceeded => await RecordAsync(request, session, envelope, cancellationToken),
            StripeEventHandlers.AsyncPaymentFailed => Fail(request, session),
            _ => Expire(request, session),
        };
    }

    /// <summary>Our request, locked and tracked, in its organisation; or why the event does not match one.</summary>
    private async Task<(PaymentRequest? Request, string? Flag)> MatchAsync(StripeEvent stored, CheckoutSessionData session, CancellationToken cancellationToken)
    {
        var named = session.Metadata.GetValueOrDefault(CheckoutMetadata.PaymentRequestId) ?? session.ClientReferenceId;
        if (!Guid.TryParse(named, out var paymentRequestId))
        {
            return (null, $"La session {session.Id} ne nomme aucune demande de paiement.");
        }

        var owner = await db.PaymentRequests.IgnoreQueryFilters().AsNoTracking().Where(r => r.Id == paymentRequestId)
            .Select(r => new { r.OrganisationId, r.RequestId }).SingleOrDefaultAsync(cancellationToken);
        if (owner is null)
        {
            return (null, $"La session {session.Id} nomme une demande de paiement inconnue ({paymentRequestId}).");
        }

        stored.Concerns(owner.OrganisationId, owner.RequestId);
        if (session.Metadata.GetValueOrDefault(CheckoutMetadata.OrganisationId) != owner.OrganisationId.ToString()
            || session.Metadata.GetValueOrDefault(CheckoutMetadata.RequestId) != owner.RequestId.ToString()
            || (session.ClientReferenceId is { } reference && reference != paymentRequestId.ToString()))
        {
            return (null, $"Les identifiants de la session {session.Id} (organisation, dossier, demande) ne correspondent pas à la demande de paiement.");
        }

        tenant.Use(owner.OrganisationId);
        await db.LockCaseAsync(owner.RequestId, cancellationToken);
        var request = await db.PaymentRequests.SingleAsync(r => r.Id == paymentRequestId, cancellationToken);
        if (!string.Equals(session.Currency, "eur", StringComparison.OrdinalIgnoreCase))
        {
            return (null, $"La session {session.Id} est en « {session.Currency} » et non en euros : rien n'est enregistré.");
        }

        if (session.AmountTotal != request.AmountCents)
        {
            var amount = session.AmountTotal is { } total ? Euros.Format(total) : "un montant absent";
            return (null, $"La session {session.Id} porte {amount} au lieu des {Euros.Format(request.AmountCents)} demandés : rien n'est enregistré.");
        }

        return (request, null);
    }

    private async Task<StripeEventResult> RecordAsync(PaymentRequest request, CheckoutSessionData session, StripeEnvelope envelope, CancellationToken cancellationToken)
    {
        var reference = session.PaymentIntent ?? session.Id;
        if (await db.Payments.IgnoreQueryFilters().AnyAsync(p => p.ProviderReference == reference, cancellationToken))
        {
            return StripeEventResult.Duplicate($"Le paiement {reference} est déjà enregistré.");
        }

        // Another event of the same payment (completed, then async_succeeded) was flagged already: one payment to give back.
        if (await db.StripeEvents.AnyAsync(e => e.RefundDueReference == reference && e.Outcome == StripeEventOutcome.Flagged, cancellationToken))
        {
            return StripeEventResult.Duplicate($"Le paiement {reference} est déjà signalé à rembourser.");
        }

        var ledger = (await db.ReadAsync(request.RequestId, cancellationToken))!;
        var now = time.GetUtcNow();
        var receivedOn = ParisTime.Day(envelope.Created > DateTimeOffset.UnixEpoch ? envelope.Created : now);
        var paid = ledger.PayOnline(request.Id, reference, receivedOn, RecordedBy, now);
        await db.StageAsync(ledger, time, cancellationToken);
        return paid.Outcome switch
        {
            OnlinePaymentOutcome.Recorded => StripeEventResult.Applied(paid.Note),
            OnlinePaymentOutcome.AlreadyRecorded => StripeEventResult.Duplicate(paid.Note),
            _ => StripeEventResult.ToRefund(paid.Note, reference),
        };
    }

    private StripeEventResult Fail(PaymentRequest request, CheckoutSessionData session)
    {
        if (request.Status != PaymentRequestStatus.Open)
        {
            return StripeEventResult.Ignored($"Échec signalé pour une demande {(request.Status == PaymentRequestStatus.Paid ? "déjà payée" : "annulée")} : rien ne change.");
        }

        if (request.CheckoutSessionId != session.Id)
        {
            return StripeEventResult.Ignored($"Échec signalé pour la session {session.Id}, qui n'est plus celle de la demande : rien ne change.");
        }

        request.SessionEnded(session.Id, AsyncFailure);
        db.AddToOutbox(new PaymentFailed
        {
            OrganisationId = request.OrganisationId, OccurredAt = time.GetUtcNow(), RequestId = request.RequestId, PaymentRequestId = request.Id, Reason = AsyncFailure,
        });
        return StripeEventResult.Applied(AsyncFailure);
    }

    private static StripeEventResult Expire(PaymentRequest request, CheckoutSessionData session)
    {
        if (request.Status != PaymentRequestStatus.Open || request.CheckoutSessionId != session.Id)
        {
            return StripeEventResult.Ignored($"La session {session.Id} a expiré, mais elle n'est plus celle de la demande : rien ne change.");
        }

        request.SessionEnded(session.Id, failure: null);
        return StripeEventResult.Applied($"La session {session.Id} a expiré : la demande reste ouverte pour une nouvelle session.");
    }
}
