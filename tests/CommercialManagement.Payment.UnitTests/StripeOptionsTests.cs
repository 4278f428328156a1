using CommercialManagement.Payment.Api.Checkout;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The Stripe settings: the sandbox only when asked for, what is refused at start, the secret drawn in the sandbox only.</summary>
public sealed class StripeOptionsTests
{
    [Fact]
    public void SandboxAskedFor_FiveMinutesOfTolerance_SevenDaysOfValidity_AndValid()
    {
        var options = new StripeOptions { Sandbox = true };

        Assert.True(options.UseSandbox);
        Assert.Equal((300, 7, TimeSpan.FromDays(7)), (options.WebhookToleranceSeconds, options.RequestValidityDays, options.RequestValidity));
        Assert.Empty(options.Problems());
    }

    [Theory]
    [InlineData("sk_test_51abc", true)]
    [InlineData("rk_test_51abc", true)]
    [InlineData("pk_test_51abc", false)]
    [InlineData("whsec_oops", false)]
    public void SecretKey_MustBeASecretKey_AndTurnsTheSandboxOff(string key, bool valid)
    {
        var options = new StripeOptions { SecretKey = key, WebhookSecret = "whsec_endpoint", Sandbox = true };

        Assert.False(options.UseSandbox);
        Assert.Equal(valid, options.Problems().Count == 0);
    }

    [Theory]
    [InlineData("ApiBase", "localhost:12111")]
    [InlineData("ApiBase", "ftp://stripe.test")]
    [InlineData("SandboxWebhookBaseUrl", "/webhooks")]
    [InlineData("WebhookToleranceSeconds", "0")]
    [InlineData("RequestValidityDays", "0")]
    [InlineData("RequestValidityDays", "61")]
    [InlineData("EventRetentionDays", "3")]
    public void OutOfRangeSettings_AreProblems(string setting, string value)
    {
        var options = new StripeOptions { Sandbox = true };
        var property = typeof(StripeOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        Assert.Contains(options.Problems(), p => p.StartsWith($"Stripe:{setting}", StringComparison.Ordinal));
    }

    [Fact]
    public void NeitherKeyNorSandbox_IsAProblem_SayingWhatToSet()
    {
        var options = new StripeOptions();

        Assert.False(options.UseSandbox);
        var problem = Assert.Single(options.Problems());
        Assert.Contains("Stripe:SecretKey", problem, StringComparison.Ordinal);
        Assert.Contains("Stripe:Sandbox=true", problem, StringComparison.Ordinal);
    }

    [Fact]
    public void TheSandbox_OutsideDevelopment_IsAProblem_WhoeverAskedForIt()
    {
        var options = new StripeOptions { Sandbox = true };

        Assert.Empty(options.Problems(development: true));
        var problem = Assert.Single(options.Problems(development: false));
        Assert.StartsWith("Stripe:Sandbox is for development only", problem, StringComparison.Ordinal);
        // With a real key the sandbox is not used, whatever the flag says: nothing to refuse.
        Assert.Empty(new StripeOptions { Sandbox = true, SecretKey = "sk_live_51abc", WebhookSecret = "whsec_abc" }.Problems(development: false));
    }

    [Fact]
    public void SecretKeyWithoutWebhookSecret_IsAProblem()
    {
        var options = new StripeOptions { SecretKey = "sk_test_51abc" };

        Assert.Contains(options.Problems(), p => p.StartsWith("Stripe:WebhookSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AtStart_ASecretKeyWithoutWebhookSecret_FailsInsteadOfDrawingOne()
    {
        var options = Started(new() { ["Stripe:SecretKey"] = "sk_test_51abc" });

        var failure = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains(failure.Failures, f => f.StartsWith("Stripe:WebhookSecret is required", StringComparison.Ordinal));
    }

    [Fact]
    public void AtStart_NothingConfigured_Fails()
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Started([]).Value);
        Assert.Contains(failure.Failures, f => f.Contains("Stripe:Sandbox=true", StringComparison.Ordinal));
    }

    [Fact]
    public void AtStart_TheSandbox_DrawsItsWebhookSecretOnce()
    {
        var options = Started(new() { ["Stripe:Sandbox"] = "true" });

        Assert.True(options.Value.UseSandbox);
        Assert.Matches("^whsec_", options.Value.WebhookSecret);
    }

    [Fact]
    public void NewWebhookSecret_LooksLikeStripes_AndIsNeverTheSameTwice()
    {
        var first = StripeOptions.NewWebhookSecret();

        Assert.Matches("^whsec_[A-Za-z0-9]{43}$", first);
        Assert.NotEqual(first, StripeOptions.NewWebhookSecret());
    }

    [Fact]
    public void AtStart_TheSandboxInProduction_StopsTheServiceSayingWhatToSet()
    {
        var options = Started(new() { ["Stripe:Sandbox"] = "true" }, Environments.Production);

        var refused = Assert.Throws<OptionsValidationException>(() => options.Value);
        Assert.Contains("Stripe:Sandbox is for development only", refused.Message, StringComparison.Ordinal);
    }

    private static IOptions<StripeOptions> Started(Dictionary<string, string?> settings, string environment = "Development")
    {
        var builder = Host.CreateEmptyApplicationBuilder(new HostApplicationBuilderSettings { EnvironmentName = environment });
        builder.Configuration.AddInMemoryCollection(settings);
        builder.AddCheckout();
        return builder.Build().Services.GetRequiredService<IOptions<StripeOptions>>();
    }

    [Fact]
    public void MetadataKeys_AreTheOnesTheWebhookReads() =>
        Assert.Equal(["organisation_id", "request_id", "payment_request_id"], [CheckoutMetadata.OrganisationId, CheckoutMetadata.RequestId, CheckoutMetadata.PaymentRequestId]);
}
