using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Notification.Worker.Messaging.Consumers;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.Notification.Worker.Sending;
using CommercialManagement.ServiceDefaults;

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
            bus.AddConsumer<StaffMessagePostedConsumer>();
            bus.AddConsumer<CustomerMessagePostedConsumer>();
            bus.AddConsumer<StaffMemberChangedConsumer>();
        });
        builder.Services.AddOptions<EmailOptions>().BindConfiguration(EmailOptions.Section);
        builder.Services.AddSingleton<SmtpMailer>();
        builder.Services.AddHostedService<EmailSender>();
        return builder;
    }
}
