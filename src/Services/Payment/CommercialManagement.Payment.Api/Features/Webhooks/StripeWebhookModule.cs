using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.Extensions.Options;

namespace CommercialManagement.Payment.Api.Features.Webhooks;

/// <summary>
/// The webhook's processing: the signal, the handlers (scoped, one scope per event), the processor, and the pruning of
/// processed events (flagged ones stay).
/// </summary>
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
        services.AddRetentionRule(provider => new RetentionRule(
            PaymentDbContext.StripeEventsTable, "processed_at", provider.GetRequiredService<IOptions<StripeOptions>>().Value.EventRetention,
            keep: $"outcome = '{nameof(StripeEventOutcome.Flagged)}'"));
        return services;
    }
}
