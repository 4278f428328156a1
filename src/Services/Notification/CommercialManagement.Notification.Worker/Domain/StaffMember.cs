using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Notification.Worker.Domain;

/// <summary>The copy of a staff member that alerts need (whom to write to, and whether they still work here), kept from StaffMemberChanged.</summary>
internal sealed class StaffMember : ITenantOwned
{
    private StaffMember()
    {
    }

    public Guid StaffId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string Email { get; private set; } = "";

    public bool Active { get; private set; }

    public DateTimeOffset ChangedAt { get; private set; }

    public static StaffMember From(StaffMemberChanged changed)
    {
        var member = new StaffMember { StaffId = changed.StaffId, OrganisationId = changed.OrganisationId };
        member.Apply(changed);
        return member;
    }

    /// <summary>The latest change wins; an older one arriving late changes nothing.</summary>
    public void Apply(StaffMemberChanged changed)
    {
        if (changed.StaffId != StaffId || changed.OrganisationId != OrganisationId)
        {
            throw new InvalidOperationException($"StaffMemberChanged for {changed.StaffId} cannot change staff member {StaffId}.");
        }

        if (changed.OccurredAt < ChangedAt)
        {
            return;
        }

        Name = changed.Name;
        Email = changed.Email;
        Active = changed.Active;
        ChangedAt = changed.OccurredAt;
    }

    /// <summary>Whether an alert about a case of <paramref name="organisationId"/> may go to this member.</summary>
    public bool CanBeAlertedFor(Guid organisationId) => Active && OrganisationId == organisationId && Email.Length > 0;
}
