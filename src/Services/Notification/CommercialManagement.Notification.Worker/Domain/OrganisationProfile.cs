using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>
/// The copy of an organisation's details that its emails need, kept from OrganisationChanged (the gateway) and, for its
/// reply mailbox, from ReplyMailboxChanged (Inbox). The two come from different services and may arrive in either order:
/// each keeps its own clock, and the row is created by whichever comes first.
/// </summary>
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

    /// <summary>When the last OrganisationChanged applied happened; the default while only the reply mailbox is known.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>
    /// The address customers' replies are fetched from (<c>reponses@domaine.fr</c>, no tag); null while the organisation
    /// has no reply mailbox switched on. While set, an email to a case's customer replies to it, tagged with the case.
    /// </summary>
    public string? ReplyMailboxAddress { get; private set; }

    /// <summary>When the last ReplyMailboxChanged applied happened.</summary>
    public DateTimeOffset? ReplyMailboxChangedAt { get; private set; }

    /// <summary>
    /// Whether its OrganisationChanged has arrived: a row created by ReplyMailboxChanged alone has no name, sender or
    /// contact yet, and an email waits for them as it would for a missing row.
    /// </summary>
    public bool Described => ChangedAt != default;

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

    /// <summary>A profile of which only the reply mailbox is known yet: OrganisationChanged fills the rest when it comes.</summary>
    public static OrganisationProfile From(ReplyMailboxChanged changed)
    {
        var profile = new OrganisationProfile { OrganisationId = changed.OrganisationId };
        profile.Apply(changed);
        return profile;
    }

    /// <summary>The latest change of the reply mailbox wins, as for the rest; a blank address counts as switched off.</summary>
    public void Apply(ReplyMailboxChanged changed)
    {
        if (changed.OccurredAt < ReplyMailboxChangedAt)
        {
            return;
        }

        ReplyMailboxAddress = string.IsNullOrWhiteSpace(changed.ReplyAddress) ? null : changed.ReplyAddress.Trim();
        ReplyMailboxChangedAt = changed.OccurredAt;
    }
}
