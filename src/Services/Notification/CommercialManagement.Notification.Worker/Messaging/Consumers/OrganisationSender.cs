using CommercialManagement.Notification.Worker.Domain;

namespace CommercialManagement.Notification.Worker.Messaging.Consumers;

/// <summary>How an organisation signs its emails; the service's default name until its profile is known.</summary>
internal sealed record OrganisationSender(string Name, string FromName, string? ReplyTo, string? ContactPhone)
{
    public static OrganisationSender Of(OrganisationProfile? organisation, EmailOptions options)
    {
        var name = organisation?.Name is { Length: > 0 } known ? known : options.DefaultSenderName;
        return new OrganisationSender(
            name,
            organisation?.EmailSenderName is { Length: > 0 } sender ? sender : name,
            organisation?.EmailReplyTo ?? organisation?.ContactEmail,
            organisation?.ContactPhone);
    }
}
