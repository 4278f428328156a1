using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.Api.Checkout;

/// <summary>
/// The Stripe settings (checked at start; in the sandbox only, the webhook secret drawn once when none is configured) and the
/// checkout provider they choose.
/// </summary>
internal static class CheckoutModule
{
    public static IHostApplicationBuilder AddCheckout(this IHostApplicationBuilder builder)
    {
        // Drawn once per process: every read of the options (snapshots included) sees the same secret. Never with a Stripe key:
        // Stripe signs with the endpoint's secret, which a drawn one would never match (a missing one fails the validation).
        var generatedSecret = StripeOptions.NewWebhookSecret();
        builder.Services.AddOptions<StripeOptions>()
            .BindConfiguration(StripeOptions.Section)
            .PostConfigure(options =>
            {
                if (options.UseSandbox && string.IsNullOrWhiteSpace(options.WebhookSecret))
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
        builder.Services.AddSingleton<SessionCloser>();
        builder.Services.AddHostedService(services => services.GetRequiredService<SessionCloser>());
        builder.Services.AddSingleton<RefundSender>();
        builder.Services.AddHostedService(services => services.GetRequiredService<RefundSender>());
        return builder;
    }

    private sealed class StripeOptionsValidation(IHostEnvironment environment) : IValidateOptions<StripeOptions>
    {
        public ValidateOptionsResult Validate(string? name, StripeOptions options) =>
            options.Problems(environment.IsDevelopment()) is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
