using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.BuildingBlocks.Scheduling;
using CommercialManagement.Payment.Api.Checkout;
#if DEMO_DATA
using CommercialManagement.Payment.Api.Demo;
#endif
using CommercialManagement.Payment.Api.Features.Schedule;
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
            bus.AddConsumer<Features.PersonalData.CustomerErasureConsumer>();
        });
        builder.AddCheckout();
#if DEMO_DATA
        // Plays its part in Development only; compiled out of published builds (ADR 0019).
        builder.Services.AddHostedService<PaymentDemoStory>();
#endif
        builder.Services.AddStripeWebhook();
        builder.Services.AddScheduledJob<PaymentScheduleJob>(
            PaymentScheduleJob.Name, PaymentScheduleJob.Cron,
            "Asks the balance by itself, reminds the customer before and after each due date and before a link expires, marks the overdue balances.");
        return builder;
    }
}
