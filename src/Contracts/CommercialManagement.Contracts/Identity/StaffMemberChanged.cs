namespace CommercialManagement.Contracts.Identity;

/// <summary>
/// A staff member was created or changed (name, email, role, enabled or disabled). Always the whole current state,
/// so the latest wins: Notification keeps the address it alerts when a customer replies on a case assigned to them.
/// </summary>
public sealed record StaffMemberChanged : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid StaffId { get; init; }

    public required string Name { get; init; }

    public required string Email { get; init; }

    /// <summary>Admin or Agent.</summary>
    public required string Role { get; init; }

    /// <summary>False once the account is disabled: alerts then go to the organisation's address.</summary>
    public required bool Active { get; init; }
}
