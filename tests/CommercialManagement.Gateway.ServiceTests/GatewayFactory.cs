using System.Collections.Concurrent;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.Logging;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// The gateway on its own identity database (demo staff seeded: Development), with a recording stand-in for the
/// Dossier service behind the /api/dossiers route, so what the gateway forwards can be checked, a stand-in Inbox
/// answering the customer space's calls for one known token, and a stand-in Payment service (webhook, sandbox, the
/// customer's payments and checkout) that records what it receives.
/// </summary>
public class GatewayFactory : ServiceFactory<Program>
{
    /// <summary>The customer-space token the stand-in Inbox knows; any other is unknown.</summary>
    public const string SpaceToken = "Zk3xq9V0bU2nC7dP4rT8yW1aE6hJ5mL0sG9fK2vB3cN";

    /// <summary>A second known space, whose case has a sent quote the customer can accept (from the stand-in Quote service).</summary>
    public const string QuoteSpaceToken = "Qu0teSpace7dP4rT8yW1aE6hJ5mL0sG9fK2vB3cNxx";

    /// <summary>The case of <see cref="QuoteSpaceToken"/> and its sent quote.</summary>
    public static readonly Guid QuoteCase = Guid.Parse("0c0ffee0-0000-4000-8000-0000000000c1");

    public static readonly Guid SentQuote = Guid.Parse("0c0ffee0-0000-4000-8000-0000000000d1");

    /// <summary>The gateway's public address as the AppHost gives it: where the payment pages send the customer back.</summary>
    public const string PublicBaseUrl = "https://office.valneve.test";

    /// <summary>A token for which the stand-in Inbox fails, as a service that is down or restarting.</summary>
    public const string BrokenSpaceToken = "Broken0000000000000000000000000000000000000";

    /// <summary>The checkout page the stand-in Payment service sends customers to.</summary>
    public const string CheckoutUrl = "https://checkout.example.test/pay/cs_test_a1B2c3";

    /// <summary>The payment request the stand-in Payment service refuses to check out, with <see cref="RefusalReason"/>.</summary>
    public static readonly Guid RefusedPaymentRequest = Guid.Parse("0c0ffee0-0000-4000-8000-000000000409");

    public const string RefusalReason = "Cette demande de paiement est déjà réglée : merci !";

    /// <summary>The amount due the stand-in Payment service lists for the known space.</summary>
    public static readonly Guid DuePaymentRequest = Guid.Parse("0c0ffee0-0000-4000-8000-000000000001");

    private readonly WebApplication _dossierStandIn;
    private readonly WebApplication _inboxStandIn;
    private readonly WebApplication _paymentStandIn;
    private readonly WebApplication _quoteStandIn;

    public GatewayFactory()
        : this(null)
    {
    }

    /// <summary>A gateway on a given identity database: a second instance beside a first one.</summary>
    internal GatewayFactory(string? connectionString)
        : base(ResourceNames.IdentityDb, connectionString)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        _dossierStandIn = builder.Build();
        _dossierStandIn.Map("/{**path}", (HttpContext context) =>
        {
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            headers[":path"] = context.Request.Path.Value ?? "";
            Forwarded.Enqueue(headers);
            return Results.Ok();
        });
        _dossierStandIn.StartAsync().GetAwaiter().GetResult();

        var inbox = WebApplication.CreateSlimBuilder();
        inbox.WebHost.UseUrls("http://127.0.0.1:0");
        _inboxStandIn = inbox.Build();
        _inboxStandIn.MapGet("/public/spaces/{token}", (string token) => token == QuoteSpaceToken
            ? Space(QuoteCase, "Paul Girard", children: 0, [])
            : token == BrokenSpaceToken
            ? Results.StatusCode(500)
            : token == SpaceToken
            ? Space(Guid.NewGuid(), "Élodie Martin", children: 1,
            [
                new { id = Guid.NewGuid(), fromCustomer = true, authorName = "Élodie Martin", postedAt = "2026-11-28T09:00:00Z", body = "<script>alert('x')</script> Un chalet ?" },
                new { id = Guid.NewGuid(), fromCustomer = false, authorName = "Julien Perrin", postedAt = "2026-11-28T10:00:00Z", body = "Bonjour, oui." },
            ])
            : Results.Problem(title: "Ce lien n'est plus valide.", statusCode: 404));
        _inboxStandIn.MapPost("/public/spaces/{token}/messages", async (string token, HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var body = await reader.ReadToEndAsync();
            CustomerReplies.Enqueue(body);
            CustomerReplyCalls.Enqueue((body, context.Request.Headers["Idempotency-Key"].ToString()));
            return body.Contains("\"body\":\"\"", StringComparison.Ordinal)
                ? Results.ValidationProblem(new Dictionary<string, string[]> { ["body"] = ["Le message est vide : écrivez quelque chose avant d'envoyer."] })
                : Results.Created($"/public/spaces/{token}", new { });
        });
        _inboxStandIn.StartAsync().GetAwaiter().GetResult();
        _paymentStandIn = PaymentStandIn(PaymentCalls);
        _quoteStandIn = QuoteStandIn(QuoteAcceptanceCalls);
    }

    /// <summary>The acceptances the stand-in Quote service received, each with its Idempotency-Key header (empty without).</summary>
    public ConcurrentQueue<(string Body, string Key)> QuoteAcceptanceCalls { get; } = new();

    /// <summary>Every request the stand-in Payment service received: headers, and ":method", ":path", ":query", ":body".</summary>
    public ConcurrentQueue<Dictionary<string, string>> PaymentCalls { get; } = new();

    /// <summary>The JSON bodies the stand-in Inbox received for customer replies.</summary>
    public ConcurrentQueue<string> CustomerReplies { get; } = new();

    /// <summary>The customer replies the stand-in Inbox received, each with its Idempotency-Key header (empty without).</summary>
    public ConcurrentQueue<(string Body, string Key)> CustomerReplyCalls { get; } = new();

    /// <summary>The headers (and, as ":path", the path) of every request the stand-in Dossier service received.</summary>
    public ConcurrentQueue<Dictionary<string, string>> Forwarded { get; } = new();

    /// <summary>Every line the gateway logged, at any level its filters let through.</summary>
    public ConcurrentQueue<string> Logs { get; } = new();

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureLogging(logging => logging.AddProvider(new CapturingLoggerProvider(Logs)));
        builder.UseSetting($"services:{ResourceNames.DossierApi}:http:0", _dossierStandIn.Urls.Single());
        builder.UseSetting($"services:{ResourceNames.InboxApi}:http:0", _inboxStandIn.Urls.Single());
        builder.UseSetting($"services:{ResourceNames.PaymentApi}:http:0", _paymentStandIn.Urls.Single());
        builder.UseSetting($"services:{ResourceNames.QuoteApi}:http:0", _quoteStandIn.Urls.Single());
        builder.UseSetting("Gateway:PublicBaseUrl", PublicBaseUrl);
        // The one private key that signs staff, API and customer tokens: the gateway's alone (as the AppHost gives it).
        builder.UseSetting(TokenKeys.GatewayPrivateKey, Tokens.GatewayPrivateKey);
    }

    /// <summary>
    /// A stand-in Quote service for the customer space: a sent quote for <see cref="QuoteCase"/> (the case the gateway's
    /// customer token names), none for any other case; acceptances recorded.
    /// </summary>
    private static WebApplication QuoteStandIn(ConcurrentQueue<(string Body, string Key)> acceptances)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var app = builder.Build();
        static bool ForQuoteCase(HttpContext context)
        {
            var token = context.Request.Headers.Authorization.ToString().Split('.');
            if (token.Length != 3)
            {
                return false;
            }

            var payload = token[1].Replace('-', '+').Replace('_', '/');
            payload = payload.PadRight(payload.Length + ((4 - (payload.Length % 4)) % 4), '=');
            return System.Text.Encoding.UTF8.GetString(Convert.FromBase64String(payload)).Contains(QuoteCase.ToString(), StringComparison.Ordinal);
        }

        app.MapGet("/customer/quote", (HttpContext context) => ForQuoteCase(context)
            ? Results.Json(new
            {
                id = SentQuote, number = "D-2027-0042", version = 1, state = "Sent", expired = false, validUntil = "2027-01-31",
                lines = new[] { new { label = "Cours collectif enfant", description = (string?)null, from = "2027-02-15", to = "2027-02-19", quantity = 1, unitPriceCents = 18_000, vatRateBasisPoints = 2_000, amountCents = 18_000 } },
                netCents = 15_000, vatCents = 3_000, touristTaxCents = 0, totalCents = 18_000, depositPercentage = 30, depositCents = 5_400,
                balanceCents = 12_600, balanceDueDate = "2027-01-13", wholeAmountNow = false, acceptedAt = (DateTimeOffset?)null,
                closingReason = (string?)null, canAccept = true,
            })
            : Results.NotFound());
        app.MapPost("/customer/quote/acceptance", async (HttpContext context) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            acceptances.Enqueue((await reader.ReadToEndAsync(), context.Request.Headers["Idempotency-Key"].ToString()));
            return Results.Ok();
        });
        app.StartAsync().GetAwaiter().GetResult();
        return app;
    }

    /// <summary>A customer space as the stand-in Inbox answers it: the case, its stay and its conversation.</summary>
    private static IResult Space(Guid requestId, string customerName, int children, object[] messages) => Results.Json(new
    {
        requestId,
        organisationId = BuildingBlocks.Demo.DemoOrganisations.ValNeveOffice,
        customerName,
        language = "fr",
        receivedAt = DateTimeOffset.Parse("2026-11-28T09:00:00Z", System.Globalization.CultureInfo.InvariantCulture),
        arrival = "2027-02-13",
        departure = "2027-02-20",
        adults = 2,
        children,
        messages,
    });

    private static WebApplication PaymentStandIn(ConcurrentQueue<Dictionary<string, string>> calls)
    {
        var builder = WebApplication.CreateSlimBuilder();
        builder.WebHost.UseUrls("http://127.0.0.1:0");
        var payment = builder.Build();
        payment.Use(async (context, next) =>
        {
            using var reader = new StreamReader(context.Request.Body);
            var headers = context.Request.Headers.ToDictionary(h => h.Key, h => h.Value.ToString(), StringComparer.OrdinalIgnoreCase);
            headers[":method"] = context.Request.Method;
            headers[":path"] = context.Request.Path.Value ?? "";
            headers[":query"] = context.Request.QueryString.Value ?? "";
            headers[":body"] = await reader.ReadToEndAsync();
            calls.Enqueue(headers);
            await next(context);
        });
        payment.MapPost("/webhooks/stripe", () => Results.Ok());
        // A Payment service restarting: what an offline payment meets while it does.
        payment.MapPost("/api/payments/by-request/{id:guid}/offline", () => Results.Problem(title: "Le service des paiements redémarre.", statusCode: 503));
        payment.Map("/sandbox/{**rest}", () => Results.Content("<h1>Paiement de test</h1>", "text/html"));
        payment.MapGet("/customer/payments", () => Results.Json(new
        {
            quoteNumber = "DEV-2026-00042",
            acceptedTotalCents = 112_000,
            paidCents = 0,
            remainingCents = 112_000,
            due = new[]
            {
                new { id = DuePaymentRequest, kind = "Deposit", kindLabel = "Acompte", amountCents = 33_600, expiresAt = "2026-12-06T10:30:00+00:00", lastFailure = (string?)null },
            },
            paid = Array.Empty<object>(),
        }));
        payment.MapPost("/customer/payments/{id:guid}/checkout", (Guid id) => id == RefusedPaymentRequest
            ? Results.Problem(title: RefusalReason, statusCode: 409)
            : Results.Json(new { url = CheckoutUrl }));
        payment.StartAsync().GetAwaiter().GetResult();
        return payment;
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        await _dossierStandIn.DisposeAsync();
        await _inboxStandIn.DisposeAsync();
        await _paymentStandIn.DisposeAsync();
        await _quoteStandIn.DisposeAsync();
    }
}

/// <summary>Keeps each log line (category, message and exception) in memory.</summary>
internal sealed class CapturingLoggerProvider(ConcurrentQueue<string> lines) : ILoggerProvider
{
    public ILogger CreateLogger(string categoryName) => new Capturing(categoryName, lines);

    public void Dispose()
    {
    }

    private sealed class Capturing(string category, ConcurrentQueue<string> lines) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state)
            where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => true;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
            lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)} {exception}");
    }
}
