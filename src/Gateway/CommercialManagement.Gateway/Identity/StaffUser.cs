using Microsoft.AspNetCore.Identity;

namespace CommercialManagement.Gateway.Identity;

/// <summary>A member of an organisation's staff; the login is the email address.</summary>
internal sealed class StaffUser : IdentityUser<Guid>
{
    public Guid OrganisationId { get; set; }

    public string DisplayName { get; set; } = "";

    /// <summary>A disabled member can no longer sign in or get a token; their history stays.</summary>
    public bool Disabled { get; set; }
}
