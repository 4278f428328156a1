using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Notification.Worker.Documents;
using CommercialManagement.Notification.Worker.Messaging.Consumers;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Sending;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Notification.Worker;

/// <summary>Emails through SMTP: queued from events, sent and logged by the EmailSender.</summary>
internal static class NotificationModule
{
    public static IHostApplicationBuilder AddNotificationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>(ResourceNames.NotificationDb);
        builder.AddMessaging<NotificationDbContext>("notification", bus =>
        {
            bus.AddConsumer<RequestReceivedConsumer>();
            bus.AddConsumer<OrganisationChangedConsumer>();
            bus.AddConsumer<ReplyMailboxChangedConsumer>();
            bus.AddConsumer<StaffMessagePostedConsumer>();
            bus.AddConsumer<CustomerMessagePostedConsumer>();
            bus.AddConsumer<StaffMemberChangedConsumer>();
            bus.AddConsumer<CustomerSpaceLinkRenewedConsumer>();
            bus.AddConsumer<QuoteSentConsumer>();
            bus.AddConsumer<QuoteVoidedConsumer>();
            bus.AddConsumer<QuoteExpiredConsumer>();
            bus.AddConsumer<QuoteFollowUpDueConsumer>();
            bus.AddConsumer<PaymentRequestedConsumer>();
            bus.AddConsumer<PaymentReminderDueConsumer>();
            bus.AddConsumer<PaymentReceivedConsumer>();
            bus.AddConsumer<PaymentRefundedConsumer>();
            bus.AddConsumer<InvoiceIssuedConsumer>();
            bus.AddConsumer<CaseCancelledConsumer>();
            bus.AddConsumer<StaffAlertRaisedConsumer>();
            bus.AddConsumer<UnansweredAlertEmailConsumer>();
            bus.AddConsumer<Features.PersonalData.CustomerErasureConsumer>();
        });
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddSingleton<SmtpMailer>();
        // The PDFs to attach, a quote's asked of the Quote service, an invoice's of the Payment service, with a document token
        // signed by Notification's own key: it opens their document routes, and nothing a staff member could do.
        var signingKey = TokenKeys.NotificationSigningKey(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(provider => new DocumentTokenIssuer(signingKey, provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddHttpClient(ResourceNames.QuoteApi, client => client.BaseAddress = new Uri($"http://{ResourceNames.QuoteApi}"));
        builder.Services.AddHttpClient(ResourceNames.PaymentApi, client => client.BaseAddress = new Uri($"http://{ResourceNames.PaymentApi}"));
        builder.Services.AddScoped<DocumentPdfClient>();
        builder.Services.AddHostedService<EmailSender>();
        return builder;
    }
}
