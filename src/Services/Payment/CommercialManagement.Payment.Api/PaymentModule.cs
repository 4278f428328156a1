using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Payment.Api.Persistence;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Payment.Api;

/// <summary>Payment requests, Stripe and the webhook: built in the payment issue.</summary>
internal static class PaymentModule
{
    public static IHostApplicationBuilder AddPaymentServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<PaymentDbContext>(ResourceNames.PaymentDb);
        builder.AddMessaging<PaymentDbContext>("payment");
        return builder;
    }
}
