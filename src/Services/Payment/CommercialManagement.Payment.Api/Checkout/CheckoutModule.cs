namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>The Stripe settings (checked at start, the webhook secret drawn once when none is configured) and the checkout provider they choose.</summary>
internal static class CheckoutModule
{
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        // Drawn once per process: every read of the options (snapshots included) sees the same secret.
        var generatedSecret = StripeOptions.NewWebhookSecret();
        builder.Services.AddOptions<StripeOptions>()
            .BindConfiguration(StripeOptions.Section)
            .PostConfigure(options =>
            {
                if (string.IsNullOrWhiteSpace(options.WebhookSecret))
                {
                    options.WebhookSecret = generatedSecret;
                }
            })
            .Validate(options => options.Problems().Count == 0, "The Stripe section is invalid: see StripeOptions.Problems.")
            .ValidateOnStart();
        return builder;
    }
}
