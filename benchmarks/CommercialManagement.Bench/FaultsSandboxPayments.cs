using System.Collections.Concurrent;
using System.Diagnostics;
using System.Net;
using System.Text.Json;
using System.Text.RegularExpressions;

namespace CommercialManagement.Bench;

/// <summary>
/// The fault suite's sandbox payments: the customer's own path through the Stripe stand-in that runs without Stripe keys.
/// Each operation takes a small accepted case (a 10.00 € quote), asks a payment request on it as staff (the deposit,
/// then the balance; an open request left by an earlier attempt is paid instead), opens the customer space with the link
/// the customer received by email (read once per case from the mail catcher), clicks « Payer » (the form's post with the
/// page's antiforgery token, its cookie too), follows the redirect to the sandbox's checkout page and posts the test
/// card. Completed when the page answers its 303 back to the space with <c>?paiement=ok</c>: then one line in
/// <c>sandbox-payments.tsv</c>. A case paid up leaves the rotation; a supply prepares new ones from the posted
/// requests, ahead of the stream (<see cref="Buffer"/> cases).
/// </summary>
internal sealed partial class FaultsSandboxPayments(
    Intake intake, FaultsRecords records, string tag, string gateway, string mailCatcher, ConcurrentQueue<(Guid Id, string Email, int Index)> requests)
    : IDisposable
{
    /// <summary>Cases ready ahead of the stream: two payments each, about two minutes at 0.5/s.</summary>
    private const int Buffer = 30;
    private const int PreparingAtOnce = 4;
    private const long CaseTotalCents = 1_000;

    private readonly HttpClient _mail = new() { BaseAddress = new Uri(mailCatcher), Timeout = TimeSpan.FromSeconds(15) };
    private readonly ConcurrentQueue<SandboxCase> _ready = new();
    private int _preparing;

    public int Ready => _ready.Count;

    private sealed class SandboxCase(Guid requestId, string spaceToken)
    {
        public Guid RequestId { get; } = requestId;

        public string SpaceToken { get; } = spaceToken;

        public bool PaidUp { get; set; }
    }

    /// <summary>Keeps <see cref="Buffer"/> cases ready (or being prepared) until the run stops.</summary>
    public async Task SupplyAsync(CancellationToken stopping)
    {
        var running = new List<Task>();
        while (!stopping.IsCancellationRequested)
        {
            running.RemoveAll(t => t.IsCompleted);
            if (_ready.Count + Volatile.Read(ref _preparing) < Buffer && running.Count < PreparingAtOnce && requests.TryDequeue(out var next))
            {
                Interlocked.Increment(ref _preparing);
                running.Add(Task.Run(async () =>
                {
                    try
                    {
                        await PrepareAsync(next.Id, next.Email, next.Index, stopping);
                    }
                    finally
                    {
                        Interlocked.Decrement(ref _preparing);
                    }
                }));
                continue;
            }

            await Task.Delay(200, stopping).ContinueWith(_ => { });
        }

        await Task.WhenAll(running);
    }

    private async Task PrepareAsync(Guid requestId, string email, int index, CancellationToken stopping)
    {
        if (!await FaultsPreparation.AcceptedCaseAsync(intake, records, tag, requestId, email, index, CaseTotalCents))
        {
            return;
        }

        // The customer's key to their space, as they have it: the link in the emails sent to them (the quote's, the acknowledgement).
        var watch = Stopwatch.StartNew();
        while (watch.Elapsed < TimeSpan.FromMinutes(3) && !stopping.IsCancellationRequested)
        {
            try
            {
                if (await SpaceTokenAsync(email) is { } token)
                {
                    records.SandboxCase(requestId, email);
                    _ready.Enqueue(new SandboxCase(requestId, token));
                    return;
                }
            }
            catch (Exception exception) when (exception is HttpRequestException or TaskCanceledException or JsonException or InvalidOperationException or KeyNotFoundException)
            {
                records.Failure("prepare", $"mail catcher {exception.GetType().Name}");
            }

            await Task.Delay(1000, stopping).ContinueWith(_ => { });
        }

        records.Failure("prepare", "no customer-space email");
    }

    /// <summary>The space's token in the newest email to <paramref name="email"/> that carries the link (smtp4dev's API).</summary>
    private async Task<string?> SpaceTokenAsync(string email)
    {
        var root = JsonDocument.Parse(await _mail.GetStringAsync($"/api/messages?searchTerms={Uri.EscapeDataString(email)}&pageSize=20")).RootElement;
        var messages = root.ValueKind == JsonValueKind.Array ? root : root.GetProperty("results");
        foreach (var message in messages.EnumerateArray())
        {
            if (!message.GetProperty("to").EnumerateArray().Any(t => string.Equals(t.GetString(), email, StringComparison.OrdinalIgnoreCase)))
            {
                continue;
            }

            using var text = await _mail.GetAsync($"/api/messages/{message.GetProperty("id").GetString()}/plaintext");
            if (text.IsSuccessStatusCode && SpaceLink().Match(await text.Content.ReadAsStringAsync()) is { Success: true } link)
            {
                return link.Groups[1].Value;
            }
        }

        return null;
    }

    /// <summary>One sandbox payment: 200 once the sandbox answered its success redirect; a failed step throws <see cref="FaultsStepException"/>.</summary>
    public async Task<HttpStatusCode> PayAsync()
    {
        if (!_ready.TryDequeue(out var account))
        {
            throw new FaultsStepException("no case ready");
        }

        try
        {
            return await PayAsync(account);
        }
        finally
        {
            if (!account.PaidUp)
            {
                _ready.Enqueue(account);
            }
        }
    }

    private async Task<HttpStatusCode> PayAsync(SandboxCase account)
    {
        // Staff: the ledger, then « Demander l'acompte » (or le solde); an open request from an attempt cut short is paid instead.
        var (status, ledger) = await intake.CallAsync(HttpMethod.Get, $"/api/payments/by-request/{account.RequestId}");
        Step(status == HttpStatusCode.OK, "ledger", status);
        var remaining = ledger.GetProperty("remainingCents").GetInt64();
        var open = ledger.GetProperty("requests").EnumerateArray().FirstOrDefault(r => r.GetProperty("status").GetString() == "Open");
        if (open.ValueKind != JsonValueKind.Object)
        {
            var kind = ledger.GetProperty("options").EnumerateArray()
                .Where(o => o.GetProperty("allowed").GetBoolean() && o.GetProperty("kind").GetString() is "Deposit" or "Balance")
                .Select(o => o.GetProperty("kind").GetString()).FirstOrDefault();
            if (kind is null)
            {
                account.PaidUp = remaining == 0;
                throw new FaultsStepException(remaining == 0 ? "case paid up" : "no request allowed");
            }

            (status, ledger) = await intake.CallAsync(HttpMethod.Post, $"/api/payments/by-request/{account.RequestId}/requests", new { kind });
            Step(status == HttpStatusCode.Created, "request", status);
            open = ledger.GetProperty("requests").EnumerateArray()
                .Single(r => r.GetProperty("status").GetString() == "Open" && r.GetProperty("kind").GetString() == kind);
        }

        var paymentRequestId = open.GetProperty("id").GetGuid();
        var amount = open.GetProperty("amountCents").GetInt64();

        // The customer, in a browser of their own: the space, « Payer », the sandbox's page, the test card.
        using var browser = new HttpClient(new SocketsHttpHandler { AllowAutoRedirect = false, UseCookies = true, CookieContainer = new() })
        {
            BaseAddress = new Uri(gateway),
            Timeout = TimeSpan.FromSeconds(30),
        };
        var space = $"/espace/{account.SpaceToken}";
        using var page = await browser.GetAsync(space);
        Step(page.StatusCode == HttpStatusCode.OK, "space", page.StatusCode);
        var form = AntiforgeryInput().Match(await page.Content.ReadAsStringAsync());
        Step(form.Success, "space without form", page.StatusCode);
        using var pay = await browser.PostAsync($"{space}/payer/{paymentRequestId}",
            new FormUrlEncodedContent(new Dictionary<string, string> { ["__RequestVerificationToken"] = WebUtility.HtmlDecode(form.Groups[1].Value) }));
        var checkout = pay.Headers.Location;
        if (pay.StatusCode != HttpStatusCode.Redirect || checkout is null || !checkout.OriginalString.Contains("/sandbox/checkout/", StringComparison.Ordinal))
        {
            // Back to the space: ?paiement=indisponible (Payment unreachable), erreur (refused), expire (antiforgery).
            var back = checkout is null ? null : PaymentOutcome().Match(checkout.OriginalString) is { Success: true } m ? m.Groups[1].Value : "space";
            throw new FaultsStepException(back is null ? $"payer {(int)pay.StatusCode}" : $"payer {back}");
        }

        var sessionId = Uri.UnescapeDataString(checkout.OriginalString[(checkout.OriginalString.LastIndexOf('/') + 1)..]);
        using var checkoutPage = await browser.GetAsync(checkout);
        Step(checkoutPage.StatusCode == HttpStatusCode.OK, "checkout", checkoutPage.StatusCode);
        using var card = await browser.PostAsync(checkout, new FormUrlEncodedContent(new Dictionary<string, string>
        {
            ["email"] = $"{tag}-sandbox@example.test", ["card"] = "4242 4242 4242 4242", ["expiry"] = "12 / 34", ["cvc"] = "123", ["name"] = $"Bench {tag}",
        }));
        var success = card.Headers.Location?.OriginalString ?? "";
        Step(card.StatusCode == HttpStatusCode.SeeOther && success.Contains("paiement=ok", StringComparison.Ordinal), "card", card.StatusCode);
        records.SandboxPayment(paymentRequestId, sessionId, account.RequestId);
        account.PaidUp = amount >= remaining;
        return HttpStatusCode.OK;
    }

    private static void Step(bool ok, string step, HttpStatusCode status)
    {
        if (!ok)
        {
            throw new FaultsStepException($"{step} {(int)status}");
        }
    }

    public void Dispose() => _mail.Dispose();

    [GeneratedRegex(@"/espace/([A-Za-z0-9_\-]+)")]
    private static partial Regex SpaceLink();

    [GeneratedRegex("name=\"__RequestVerificationToken\" value=\"([^\"]+)\"")]
    private static partial Regex AntiforgeryInput();

    [GeneratedRegex(@"[?&]paiement=([a-z]+)")]
    private static partial Regex PaymentOutcome();
}
