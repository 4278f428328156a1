using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Http;

namespace CommercialManagement.BuildingBlocks.Tenancy;

/// <summary>
/// The organisation the current request or message acts in: the staff token's organisation for an HTTP call,
/// the event's organisation for a consumer, or one set explicitly (the public intake, from the site key).
/// Without one, tenant-owned queries return nothing.
/// </summary>
public sealed class TenantContext(IHttpContextAccessor? httpContextAccessor)
{
    private Guid? _organisationId;

    public Guid? OrganisationId => _organisationId ?? FromUser();

    /// <summary>Acts in <paramref name="organisationId"/> for the rest of this scope; switching to another is refused.</summary>
    public void Use(Guid organisationId)
    {
        var current = OrganisationId;
        if (current is { } existing && existing != organisationId)
        {
            throw new InvalidOperationException("This scope already acts for another organisation.");
        }

        _organisationId = organisationId;
    }

    public Guid RequiredOrganisationId =>
        OrganisationId ?? throw new InvalidOperationException("No organisation in this scope.");

    private Guid? FromUser()
    {
        var claim = httpContextAccessor?.HttpContext?.User.FindFirst(StaffClaims.OrganisationId)?.Value;
        return Guid.TryParse(claim, out var organisationId) ? organisationId : null;
    }
}
