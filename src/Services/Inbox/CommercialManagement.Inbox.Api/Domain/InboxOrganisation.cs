using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>
/// Inbox's copy of the organisation (from OrganisationChanged): what its scheduled jobs read, the schedule settings of
/// issue 17. An organisation without a copy yet follows the defaults. The latest change wins.
/// </summary>
internal sealed class InboxOrganisation : ITenantOwned
{
    private InboxOrganisation()
    {
    }

    public Guid OrganisationId { get; private set; }

    public ScheduleSettings Schedule { get; private set; } = new();

    public DateTimeOffset ChangedAt { get; private set; }

    public static InboxOrganisation From(OrganisationChanged changed) =>
        new() { OrganisationId = changed.OrganisationId, Schedule = changed.Schedule ?? new(), ChangedAt = changed.OccurredAt };

    /// <summary>Keeps a later change; an older one arriving late changes nothing.</summary>
    public void Apply(OrganisationChanged changed)
    {
        if (changed.OccurredAt <= ChangedAt)
        {
            return;
        }

        Schedule = changed.Schedule ?? new();
        ChangedAt = changed.OccurredAt;
    }
}
