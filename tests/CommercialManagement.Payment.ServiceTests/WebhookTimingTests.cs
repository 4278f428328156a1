using System.Diagnostics;
using CommercialManagement.Payment.Api.Domain;
using Xunit.Abstractions;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>
/// How long a paid checkout takes from the webhook's POST to the payment row committed (the processor woken by the
/// endpoint): printed, not asserted (see docs/benchmarks.md). Run with <c>--logger "console;verbosity=detailed"</c>.
/// </summary>
public sealed class WebhookTimingTests(PaymentFactory factory, ITestOutputHelper output) : IClassFixture<PaymentFactory>
{
    private const int Warmup = 5;
    private const int Measured = 40;

    [Fact]
    public async Task PaidCheckout_FromPostToPaymentCommitted_IsMeasured()
    {
        var stripe = new StripeKit(factory);
        var scenario = await Scenario.NewAsync(factory);
        var timings = new List<double>();
        for (var i = 0; i < Warmup + Measured; i++)
        {
            var caseId = await scenario.AcceptedCaseAsync(100_000);
            var request = await stripe.OpenRequestAsync(scenario, caseId, PaymentKind.Full, 100_000);
            var json = StripeKit.SessionEvent("checkout.session.completed", request);
            var signature = stripe.Sign(json);

            var clock = Stopwatch.StartNew();
            await stripe.PostAsync(json, signature);
            while (await stripe.PaymentsOfAsync(request) == 0)
            {
                Assert.True(clock.Elapsed < TimeSpan.FromSeconds(20), "The payment was not recorded within 20 s.");
                await Task.Delay(1);
            }

            if (i >= Warmup)
            {
                timings.Add(clock.Elapsed.TotalMilliseconds);
            }
        }

        timings.Sort();
        var line = $"Webhook POST → payment committed, {Measured} runs: p50 {Percentile(timings, 0.50):0.0} ms, "
            + $"p95 {Percentile(timings, 0.95):0.0} ms, max {timings[^1]:0.0} ms";
        output.WriteLine(line);
        Console.WriteLine(line);
        Assert.Equal(Measured, timings.Count);
    }

    private static double Percentile(List<double> sorted, double p) => sorted[(int)Math.Ceiling(p * sorted.Count) - 1];
}
