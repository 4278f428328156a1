using Microsoft.Extensions.Options;

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
            .ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<StripeOptions>, StripeOptionsValidation>();

        builder.Services.AddSingleton(services => StripeCheckout.CreateClient(services.GetRequiredService<IOptions<StripeOptions>>().Value));
        builder.Services.AddScoped<StripeCheckout>();
        builder.Services.AddScoped<SandboxCheckout>();
        builder.Services.AddScoped<ICheckoutProvider>(services => services.GetRequiredService<IOptions<StripeOptions>>().Value.UseSandbox
            ? services.GetRequiredService<SandboxCheckout>()
            : services.GetRequiredService<StripeCheckout>());
        builder.Services.AddHttpClient<Features.Sandbox.SandboxWebhookClient>();
        return builder;
    }

    private sealed class StripeOptionsValidation : IValidateOptions<StripeOptions>
    {
        public ValidateOptionsResult Validate(string? name, StripeOptions options) =>
            options.Problems() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
