using CommercialManagement.BuildingBlocks.Idempotency;
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
        builder.AddIdempotencyKeys<PaymentDbContext>();
        builder.AddMessaging<PaymentDbContext>("payment", bus =>
        {
            bus.AddConsumer<OrganisationChangedConsumer>();
            bus.AddConsumer<QuoteAcceptedConsumer>();
            bus.AddConsumer<QuoteVoidedConsumer>();
            bus.AddConsumer<RequestReceivedConsumer>();
            bus.AddConsumer<StayChangedConsumer>();
            bus.AddConsumer<DossierProcessedConsumer>();
        });
        builder.AddCheckout();
        builder.Services.AddHostedService<PaymentDemoStory>();
        builder.Services.AddStripeWebhook();
        return builder;
    }
}
