using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>A website allowed to post requests for an organisation, identified by its public site key.</summary>
internal sealed class Website : ITenantOwned
{
    private Website()
    {
    }

    public Website(Guid id, Guid organisationId, string name, string siteKey, IEnumerable<string> allowedOrigins)
    {
        Id = id;
        OrganisationId = organisationId;
        Name = name;
        SiteKey = siteKey;
        AllowedOrigins = [.. allowedOrigins];
        Enabled = true;
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string Name { get; private set; } = "";

    public string SiteKey { get; private set; } = "";

    public List<string> AllowedOrigins { get; private set; } = [];

    public bool Enabled { get; private set; }

    public void Rename(string name) => Name = name;

    public bool AllowsOrigin(string origin) =>
        AllowedOrigins.Contains(origin.TrimEnd('/').ToLowerInvariant(), StringComparer.Ordinal);

    public void AllowOrigins(IEnumerable<string> origins) => AllowedOrigins = [.. origins];

    public void Enable() => Enabled = true;

    /// <summary>A disabled site's posts are refused (403) until it is enabled again.</summary>
    public void Disable() => Enabled = false;
}
