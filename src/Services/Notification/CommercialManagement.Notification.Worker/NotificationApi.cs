using CommercialManagement.Notification.Worker.Features.PersonalData;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Notification.Worker;

/// <summary>
/// Notification's only route: the gateway's personal-data archive asks it, as the signed-in Admin, what the email log
/// holds about a customer. The gateway forwards no path here: only the gateway itself calls it, through service discovery.
/// </summary>
internal static class NotificationApi
{
    public static IEndpointRouteBuilder MapNotificationApi(this IEndpointRouteBuilder app)
    {
        app.MapGet("/api/notifications/personal-data", PersonalDataEndpoint.GetAsync)
            .WithTags("Notifications")
            .WithName("GetNotificationPersonalData")
            .WithSummary("Admins: everything the email log holds about an email address (the cases' copy, emails with their bodies), for a GDPR access request.")
            .RequireAuthorization(StaffClaims.AdminRole);
        return app;
    }
}
