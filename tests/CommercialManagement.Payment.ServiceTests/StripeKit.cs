using System.Net.Http.Headers;
using System.Text;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.TestKit;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Stripe;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>An open payment request with its checkout session, as P1's endpoints would have made it.</summary>
internal sealed record OpenRequest(Guid Id, Guid OrganisationId, Guid CaseId, long AmountCents, string SessionId, string PaymentIntent);

/// <summary>
/// Stripe as the tests play it: open payment requests straight in the service's database, events in Stripe's format
/// (api_version endive, data.object a checkout session or a charge), signed with the service's webhook secret and posted.
/// </summary>
internal sealed class StripeKit(ServiceFactory<Program> factory)
{
    public const string ApiVersion = "2026-10-28.endive";

    public string Secret => factory.Services.GetRequiredService<IOptions<StripeOptions>>().Value.WebhookSecret;

    public async Task<OpenRequest> OpenRequestAsync(Scenario scenario, Guid caseId, PaymentKind kind, long amountCents, string provider = "Sandbox")
    {
        await using var scope = factory.Services.CreateAsyncScope();
        scope.ServiceProvider.GetRequiredService<TenantContext>().Use(scenario.OrganisationId);
        var db = scope.ServiceProvider.GetRequiredService<PaymentDbContext>();
        var account = await db.Cases.SingleAsync(c => c.Id == caseId);
        var now = DateTimeOffset.UtcNow;
        var request = PaymentRequest.Create(account, kind, amountCents, "Agent de test", now, TimeSpan.FromDays(7));
        var sessionId = "cs_test_" + Guid.NewGuid().ToString("N");
        request.AttachSession(provider, sessionId, $"http://localhost/sandbox/checkout/{sessionId}", now.AddHours(1));
        db.PaymentRequests.Add(request);
        await db.SaveChangesAsync();
        return new OpenRequest(request.Id, scenario.OrganisationId, caseId, amountCents, sessionId, "pi_test_" + Guid.NewGuid().ToString("N"));
    }

    public static string NewEventId() => "evt_test_" + Guid.NewGuid().ToString("N");

    /// <summary>A checkout session event for <paramref name="request"/>; every field can be made wrong.</summary>
    public static string SessionEvent(
        string type, OpenRequest request, string? eventId = null, long? amountCents = null, string currency = "eur", string paymentStatus = "paid",
        Guid? organisationId = null, Guid? caseId = null) =>
        Event(eventId ?? NewEventId(), type, new
        {
            id = request.SessionId, @object = "checkout.session", mode = "payment", status = type.EndsWith("expired", StringComparison.Ordinal) ? "expired" : "complete",
            amount_total = amountCents ?? request.AmountCents, currency, client_reference_id = request.Id.ToString(),
            payment_intent = request.PaymentIntent, payment_status = paymentStatus,
            metadata = new Dictionary<string, string>
            {
                [CheckoutMetadata.OrganisationId] = (organisationId ?? request.OrganisationId).ToString(),
                [CheckoutMetadata.RequestId] = (caseId ?? request.CaseId).ToString(),
                [CheckoutMetadata.PaymentRequestId] = request.Id.ToString(),
            },
        });

    /// <summary>A <c>charge.refunded</c> event; the refunds are listed when given (Stripe lists them only when asked to).</summary>
    public static string RefundEvent(
        OpenRequest request, long amountRefunded, (string Id, long Amount)[]? refunds = null, string? eventId = null, DateTimeOffset? created = null,
        Dictionary<string, string>? metadata = null) =>
        Event(eventId ?? NewEventId(), "charge.refunded", new
        {
            id = "ch_" + request.PaymentIntent[3..], @object = "charge", amount = request.AmountCents, amount_refunded = amountRefunded, currency = "eur",
            payment_intent = request.PaymentIntent, refunded = amountRefunded == request.AmountCents, metadata = metadata ?? new Dictionary<string, string>(),
            refunds = refunds is null ? null : new
            {
                @object = "list", has_more = false,
                data = refunds.Select(r => new { id = r.Id, @object = "refund", amount = r.Amount, currency = "eur", status = "succeeded", created = DateTimeOffset.UtcNow.ToUnixTimeSeconds() }),
            },
        }, created);

    public static string Event(string id, string type, object dataObject, DateTimeOffset? created = null) => JsonSerializer.Serialize(new
    {
        id, @object = "event", api_version = ApiVersion, created = (created ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds(), livemode = false, pending_webhooks = 1, type,
        data = new { @object = dataObject },
    });

    public string Sign(string json, string? secret = null, DateTimeOffset? at = null) =>
        EventUtility.GenerateSignatureHeader(json, secret ?? Secret, (at ?? DateTimeOffset.UtcNow).ToUnixTimeSeconds());

    /// <summary>Posts <paramref name="json"/> with <paramref name="signature"/> (none when null), anonymously.</summary>
    public async Task<HttpResponseMessage> PostAsync(string json, string? signature)
    {
        using var message = new HttpRequestMessage(HttpMethod.Post, "/webhooks/stripe") { Content = new StringContent(json, Encoding.UTF8) };
        message.Content.Headers.ContentType = new MediaTypeHeaderValue("application/json") { CharSet = "utf-8" };
        if (signature is not null)
        {
            message.Headers.TryAddWithoutValidation("Stripe-Signature", signature);
        }

        return await factory.CreateClient().SendAsync(message);
    }

    public Task<HttpResponseMessage> SendAsync(string json) => PostAsync(json, Sign(json));

    /// <summary>Waits until the processor has recorded an outcome for the event, and returns it.</summary>
    public async Task<string> ProcessedAsync(string json)
    {
        var id = JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!;
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM stripe_events WHERE id = @p0 AND processed_at IS NOT NULL", id) == 1,
            TimeSpan.FromSeconds(20), TimeSpan.FromMilliseconds(20)), $"Event {id} was not processed within 20 s.");
        await using var scope = factory.Services.CreateAsyncScope();
        var stored = await scope.ServiceProvider.GetRequiredService<PaymentDbContext>().StripeEvents.AsNoTracking().SingleAsync(e => e.Id == id);
        return stored.Outcome.ToString()!;
    }

    public Task<long> PaymentsOfAsync(OpenRequest request) =>
        factory.CountAsync("SELECT count(*) FROM payments WHERE \"PaymentRequestId\" = @p0", request.Id);

    public Task<long> OutboxAsync(string messageType, Guid caseId) => factory.CountAsync(
        "SELECT count(*) FROM outbox_messages WHERE message_type = @p0 AND payload->>'requestId' = @p1",
        $"CommercialManagement.Contracts.Payment.{messageType}", caseId.ToString());

    public Task<long> EventsStoredAsync(string json) =>
        factory.CountAsync("SELECT count(*) FROM stripe_events WHERE id = @p0", JsonDocument.Parse(json).RootElement.GetProperty("id").GetString()!);
}
