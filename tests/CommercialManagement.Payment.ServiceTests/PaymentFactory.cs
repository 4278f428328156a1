using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The Payment service in process, on its own fresh database, with the MassTransit test harness (the sandbox asked for, no key).</summary>
public sealed class PaymentFactory() : ServiceFactory<Program>(ResourceNames.PaymentDb)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Stripe:Sandbox", "true");
        // Notification's public key: its document tokens open the invoices' document route.
        builder.UseSetting(TokenKeys.NotificationPublicKey, Tokens.NotificationPublicKey);
    }
}
