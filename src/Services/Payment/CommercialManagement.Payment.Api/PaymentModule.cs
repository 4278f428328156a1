using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Payment.Api.Checkout;
using CommercialManagement.Payment.Api.Features.Webhooks;
using CommercialManagement.Payment.Api.Messaging.Consumers;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Payment.Api;

/// <summary>The ledger, offline payments and Stripe's webhook: the copies it keeps from events, its database and bus, its part of the demo.</summary>
internal static class PaymentModule
{
    public static IHostApplicationBuilder AddPaymentServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>(ResourceNames.PaymentDb);
        builder.AddMessaging<PaymentDbContext>("payment", bus =>
        {
            bus.AddConsumer<OrganisationChangedConsumer>();
            bus.AddConsumer<QuoteAcceptedConsumer>();
            bus.AddConsumer<QuoteVoidedConsumer>();
            bus.AddConsumer<RequestReceivedConsumer>();
            bus.AddConsumer<StayChangedConsumer>();
        });
        builder.Services.AddHostedService<PaymentDemoStory>();
        StripeOptions.AddTo(builder.Services);
        builder.Services.AddSingleton<StripeEventSignal>();
        builder.Services.AddScoped<StripeEventHandlers>();
        builder.Services.AddScoped<CheckoutSessionEvents>();
        builder.Services.AddScoped<ChargeRefundedEvents>();
        builder.Services.AddSingleton<StripeEventProcessor>();
        builder.Services.AddHostedService(provider => provider.GetRequiredService<StripeEventProcessor>());
        return builder;
    }
}
