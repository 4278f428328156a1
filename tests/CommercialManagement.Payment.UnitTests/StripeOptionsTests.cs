using CommercialManagement.Payment.Api.Checkout;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The Stripe settings: the sandbox without a key, what is refused at start, the secret drawn when none is set.</summary>
public sealed class StripeOptionsTests
{
    [Fact]
    public void Defaults_AreTheSandbox_FiveMinutesOfTolerance_SevenDaysOfValidity_AndValid()
    {
        var options = new StripeOptions();

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
        var options = new StripeOptions { SecretKey = key };

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
    public void OutOfRangeSettings_AreProblems(string setting, string value)
    {
        var options = new StripeOptions();
        var property = typeof(StripeOptions).GetProperty(setting)!;
        property.SetValue(options, property.PropertyType == typeof(int) ? int.Parse(value, System.Globalization.CultureInfo.InvariantCulture) : value);

        Assert.Contains(options.Problems(), p => p.StartsWith($"Stripe:{setting}", StringComparison.Ordinal));
    }

    [Fact]
    public void NewWebhookSecret_LooksLikeStripes_AndIsNeverTheSameTwice()
    {
        var first = StripeOptions.NewWebhookSecret();

        Assert.Matches("^whsec_[A-Za-z0-9]{43}$", first);
        Assert.NotEqual(first, StripeOptions.NewWebhookSecret());
    }

    [Fact]
    public void MetadataKeys_AreTheOnesTheWebhookReads() =>
        Assert.Equal(["organisation_id", "request_id", "payment_request_id"], [CheckoutMetadata.OrganisationId, CheckoutMetadata.RequestId, CheckoutMetadata.PaymentRequestId]);
}
