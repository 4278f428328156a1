using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>
/// Inbox's copy of the organisation's staff (from StaffMemberChanged): whom a request may be assigned to, and under
/// which name. The latest change wins.
/// </summary>
internal sealed class StaffMember : ITenantOwned
{
    private StaffMember()
    {
    }

    public Guid StaffId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public bool Active { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static StaffMember From(StaffMemberChanged changed) =>
        new() { StaffId = changed.StaffId, OrganisationId = changed.OrganisationId, Name = changed.Name, Active = changed.Active, ChangedAt = changed.OccurredAt };

    /// <summary>Keeps a later change; an older one arriving late changes nothing.</summary>
    public void Apply(StaffMemberChanged changed)
    {
        if (changed.OccurredAt <= ChangedAt)
        {
            return;
        }

        Name = changed.Name;
        Active = changed.Active;
        ChangedAt = changed.OccurredAt;
    }
}
