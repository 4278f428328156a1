using System.Security.Cryptography;
using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>Open until paid (and the event taken by the webhook), then complete.</summary>
internal enum SandboxSessionStatus
{
    Open,
    Complete,
}

/// <summary>
/// A checkout session of the local sandbox, as Stripe would keep it: what is paid, to whom, where the browser goes back, until
/// when. Its id (<c>cs_test_…</c>, unguessable) is the page's address. Once paid, the event it sent keeps its id, so a retry
/// of the same payment sends the same event again.
/// </summary>
internal sealed class SandboxSession : ITenantOwned
{
    private SandboxSession()
    {
    }

    public string Id { get; private set; } = "";

    public Guid OrganisationId { get; private set; }

    /// <summary>The case.</summary>
    public Guid RequestId { get; private set; }

    public Guid PaymentRequestId { get; private set; }

    public string IdempotencyKey { get; private set; } = "";

    public long AmountCents { get; private set; }

    public string Description { get; private set; } = "";

    public string MerchantName { get; private set; } = "";

    public string SuccessUrl { get; private set; } = "";

    public string CancelUrl { get; private set; } = "";

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset ExpiresAt { get; private set; }

    public SandboxSessionStatus Status { get; private set; }

    /// <summary>The <c>evt_…</c> of the payment's event, drawn at the first attempt and sent again by a retry.</summary>
    public string? EventId { get; private set; }

    public string? PaymentIntentId { get; private set; }

    public DateTimeOffset? PaidAt { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static SandboxSession Open(CheckoutOrder order) => new()
    {
        Id = "cs_test_" + RandomToken(32), OrganisationId = order.Request.OrganisationId, RequestId = order.Request.RequestId,
        PaymentRequestId = order.Request.Id, IdempotencyKey = order.Request.CheckoutIdempotencyKey, AmountCents = order.Request.AmountCents,
        Description = order.Description, MerchantName = order.MerchantName, SuccessUrl = order.SuccessUrl.AbsoluteUri, CancelUrl = order.CancelUrl.AbsoluteUri,
        CreatedAt = order.Now, ExpiresAt = order.SessionExpiresAt, Status = SandboxSessionStatus.Open,
    };

    public bool IsOpenAt(DateTimeOffset now) => Status == SandboxSessionStatus.Open && now < ExpiresAt;

    /// <summary>The card was accepted: the event's ids, the same at every attempt to deliver it.</summary>
    public void Pay(DateTimeOffset now)
    {
        if (Status != SandboxSessionStatus.Open)
        {
            throw new InvalidOperationException($"The sandbox session {Id} is already complete.");
        }

        EventId ??= "evt_" + RandomToken(24);
        PaymentIntentId ??= "pi_" + RandomToken(24);
        PaidAt ??= now;
    }

    /// <summary>The webhook took the event: the session is over.</summary>
    public void Complete(DateTimeOffset now)
    {
        if (EventId is null)
        {
            throw new InvalidOperationException($"The sandbox session {Id} was not paid.");
        }

        Status = SandboxSessionStatus.Complete;
        CompletedAt = now;
    }

    private static string RandomToken(int length) =>
        RandomNumberGenerator.GetString("abcdefghijklmnopqrstuvwxyzABCDEFGHIJKLMNOPQRSTUVWXYZ0123456789", length);
}
