using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Notification.Worker.Persistence;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Notification.Worker;

/// <summary>Emails through SMTP: built in the intake issue.</summary>
internal static class NotificationModule
{
    public static IHostApplicationBuilder AddNotificationServices(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<NotificationDbContext>(ResourceNames.NotificationDb);
        builder.AddMessaging<NotificationDbContext>("notification");
        return builder;
    }
}
