using System.Collections.Concurrent;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// A local stand-in for Stripe's API on a free loopback port: it keeps every Checkout Session creation as Stripe.net sent it
/// (form fields and headers) and answers one session per idempotency key, as Stripe does (a key reused with other parameters is
/// an <c>idempotency_error</c>); <see cref="FailuresLeft"/> 500s first, <see cref="LostAnswersLeft"/> sessions made but answered 500.
/// </summary>
public sealed class FakeStripeApi : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly ConcurrentDictionary<string, string> _sessionsByKey = new();
    private readonly ConcurrentDictionary<string, string> _formsByKey = new();
    private readonly ConcurrentDictionary<string, string> _refundsByKey = new();

    private FakeStripeApi()
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        builder.Logging.ClearProviders();
        _app = builder.Build();
        _app.MapPost("/v1/checkout/sessions", CreateSession);
        _app.MapPost("/v1/refunds", CreateRefund);
        _app.MapPost("/v1/checkout/sessions/{id}/expire", async (string id) =>
        {
            if (ExpiryHold is { } hold)
            {
                ExpiryWaiting.TrySetResult();
                await hold.Task;
            }

            Expired.Enqueue(id);
            return Results.Json(new Dictionary<string, object?> { ["id"] = id, ["object"] = "checkout.session", ["status"] = "expired" });
        });
    }

    public ConcurrentQueue<string> Expired { get; } = new();

    /// <summary>While set, expiring a session waits until it completes, as a Stripe slow to answer; <see cref="ExpiryWaiting"/> says one waits.</summary>
    public TaskCompletionSource? ExpiryHold { get; set; }

    public TaskCompletionSource ExpiryWaiting { get; } = new(TaskCreationOptions.RunContinuationsAsynchronously);

    public ConcurrentQueue<SentRequest> Sent { get; } = new();

    /// <summary>Every refund creation as Stripe.net sent it (a retry included).</summary>
    public ConcurrentQueue<SentRequest> RefundsSent { get; } = new();

    /// <summary>Refund creations answered 500 before anything is made, as a Stripe briefly down.</summary>
    public int RefundFailuresLeft { get; set; }

    /// <summary>When set, refunds are refused with this message (a 400 <c>invalid_request_error</c>, as for a charge already refunded).</summary>
    public string? RefuseRefunds { get; set; }

    public int FailuresLeft { get; set; }

    /// <summary>Sessions created whose answer is lost on the way back (a 500 after the work is done), as a cut connection would.</summary>
    public int LostAnswersLeft { get; set; }

    public string BaseUrl => _app.Urls.First();

    public static FakeStripeApi Start()
    {
        var api = new FakeStripeApi();
        api._app.StartAsync().GetAwaiter().GetResult();
        return api;
    }

    public ValueTask DisposeAsync() => _app.DisposeAsync();

    private async Task<IResult> CreateSession(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var key = request.Headers["Idempotency-Key"].ToString();
        Sent.Enqueue(new SentRequest(
            request.Headers.Authorization.ToString(), key, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (FailuresLeft > 0)
        {
            FailuresLeft--;
            return Results.Json(new { error = new { type = "api_error", message = "Stripe se repose." } }, statusCode: 500);
        }

        // As Stripe: a key is bound to the parameters it was first used with.
        var parameters = string.Join('&', form.OrderBy(f => f.Key, StringComparer.Ordinal).Select(f => $"{f.Key}={f.Value}"));
        if (_formsByKey.GetOrAdd(key, parameters) != parameters)
        {
            return Results.Json(
                new { error = new { type = "idempotency_error", message = "Keys for idempotent requests can only be used with the same parameters they were first used with." } },
                statusCode: 400);
        }

        var id = _sessionsByKey.GetOrAdd(key, _ => $"cs_test_fake_{Guid.NewGuid():N}");
        if (LostAnswersLeft > 0)
        {
            LostAnswersLeft--;
            return Results.Json(new { error = new { type = "api_error", message = "Réponse perdue." } }, statusCode: 500);
        }

        return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["object"] = "checkout.session", ["url"] = $"https://checkout.stripe.test/c/pay/{id}",
            ["expires_at"] = long.Parse(form["expires_at"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            ["amount_total"] = long.Parse(form["line_items[0][price_data][unit_amount]"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            ["currency"] = "eur", ["mode"] = "payment", ["status"] = "open", ["payment_status"] = "unpaid", ["livemode"] = false,
        }), "application/json");
    }

    /// <summary>One refund per idempotency key, as Stripe makes it: a retry with the same key answers the same refund.</summary>
    private async Task<IResult> CreateRefund(HttpRequest request)
    {
        var form = await request.ReadFormAsync();
        var key = request.Headers["Idempotency-Key"].ToString();
        RefundsSent.Enqueue(new SentRequest(request.Headers.Authorization.ToString(), key, form.ToDictionary(f => f.Key, f => f.Value.ToString())));
        if (RefundFailuresLeft > 0)
        {
            RefundFailuresLeft--;
            return Results.Json(new { error = new { type = "api_error", message = "Stripe se repose." } }, statusCode: 500);
        }

        if (RefuseRefunds is { } refusal)
        {
            return Results.Json(new { error = new { type = "invalid_request_error", code = "charge_already_refunded", message = refusal } }, statusCode: 400);
        }

        var id = _refundsByKey.GetOrAdd(key, _ => $"re_test_fake_{Guid.NewGuid():N}");
        return Results.Text(JsonSerializer.Serialize(new Dictionary<string, object?>
        {
            ["id"] = id, ["object"] = "refund", ["amount"] = long.Parse(form["amount"].ToString(), System.Globalization.CultureInfo.InvariantCulture),
            ["currency"] = "eur", ["payment_intent"] = form["payment_intent"].ToString(), ["status"] = "succeeded", ["reason"] = form["reason"].ToString(),
            ["created"] = DateTimeOffset.UtcNow.ToUnixTimeSeconds(),
        }), "application/json");
    }

    public sealed record SentRequest(string Authorization, string IdempotencyKey, IReadOnlyDictionary<string, string> Form);
}

/// <summary>The Payment service with a Stripe key and its webhook secret, talking to <see cref="FakeStripeApi"/> through Stripe:ApiBase.</summary>
public sealed class StripeFactory() : ServiceFactory<Program>(ResourceNames.PaymentDb)
{
    public const string SecretKey = "sk_test_fake_0123456789";

    public const string WebhookSecret = "whsec_fake_endpoint_0123456789abcdef";

    public FakeStripeApi Stripe { get; } = FakeStripeApi.Start();

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await Stripe.DisposeAsync();
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:SecretKey", SecretKey);
        builder.UseSetting("Stripe:WebhookSecret", WebhookSecret);
        // Asked for, but a key wins: the sandbox stays off (its page is 404).
        builder.UseSetting("Stripe:Sandbox", "true");
        builder.UseSetting("Stripe:ApiBase", Stripe.BaseUrl);
    }
}
