namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>The webhook's processing: the signal, the handlers (scoped, one scope per event), the processor.</summary>
internal static class StripeWebhookModule
{
    public static IServiceCollection AddStripeWebhook(this IServiceCollection services)
    {
        services.AddSingleton<StripeEventSignal>();
        services.AddScoped<StripeEventHandlers>();
        services.AddScoped<CheckoutSessionEvents>();
        services.AddScoped<ChargeRefundedEvents>();
        services.AddSingleton<StripeEventProcessor>();
        services.AddHostedService(provider => provider.GetRequiredService<StripeEventProcessor>());
        return services;
    }
}
