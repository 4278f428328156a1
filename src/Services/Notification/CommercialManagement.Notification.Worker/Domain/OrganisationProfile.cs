using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>The copy of an organisation's details that its emails need, kept from OrganisationChanged.</summary>
internal sealed class OrganisationProfile : ITenantOwned
{
    private OrganisationProfile()
    {
    }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string EmailSenderName { get; private set; } = "";

    public string? EmailReplyTo { get; private set; }

    public string ContactEmail { get; private set; } = "";

    public string? ContactPhone { get; private set; }

    /// <summary>Whether staff get their alerts by email too; true until the organisation says otherwise.</summary>
    public bool AlertsByEmail { get; private set; } = true;

    public DateTimeOffset ChangedAt { get; private set; }

    public static OrganisationProfile From(OrganisationChanged changed)
    {
        var profile = new OrganisationProfile { OrganisationId = changed.OrganisationId };
        profile.Apply(changed);
        return profile;
    }

    /// <summary>The latest change wins; an older one arriving late changes nothing.</summary>
    public void Apply(OrganisationChanged changed)
    {
        if (changed.OccurredAt < ChangedAt)
        {
            return;
        }

        Name = changed.Name;
        EmailSenderName = changed.EmailSenderName;
        EmailReplyTo = changed.EmailReplyTo;
        ContactEmail = changed.ContactEmail;
        ContactPhone = changed.ContactPhone;
        AlertsByEmail = changed.AlertsByEmail;
        ChangedAt = changed.OccurredAt;
    }
}
