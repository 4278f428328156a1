namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>The claims every staff token carries, from the gateway to the services.</summary>
public static class StaffClaims
{
    public const string UserId = "sub";
    public const string Name = "name";
    public const string Email = "email";
    public const string OrganisationId = "org";
    public const string Role = "role";

    /// <summary>On a customer token: the one case whose customer space made the call.</summary>
    public const string CaseId = "case";

    /// <summary>
    /// On an API token only: a short hash of the member's security stamp when it was issued. The gateway refuses the token
    /// once the member's stamp has changed (role, disabling, password) or the member is disabled.
    /// </summary>
    public const string RevocationStamp = "rst";

    public const string AdminRole = "Admin";
    public const string AgentRole = "Agent";

    /// <summary>A service calling another for the system, not for a person.</summary>
    public const string ServiceRole = "Service";
}
