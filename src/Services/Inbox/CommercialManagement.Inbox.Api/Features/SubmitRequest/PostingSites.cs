using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Caching.Memory;

namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

/// <summary>
/// The enabled website of a site key, kept a few seconds: every post of the intake asks for it. Only sites found are
/// kept (random keys fill nothing); a change made here is seen at once, one made by another instance within
/// <see cref="KeepFor"/>.
/// </summary>
internal sealed class PostingSites(IMemoryCache cache)
{
    public static readonly TimeSpan KeepFor = TimeSpan.FromSeconds(10);

    /// <summary>Bumped by every change: a site read before a change is not kept after it.</summary>
    private long _generation;

    public async Task<Website?> FindEnabledAsync(string siteKey, InboxDbContext db, CancellationToken cancellationToken)
    {
        if (cache.TryGetValue(Key(siteKey), out Website? known))
        {
            return known;
        }

        var generation = Interlocked.Read(ref _generation);
        // Anonymous: the site key names the organisation, so this one lookup crosses organisations.
        var website = await db.Websites.IgnoreQueryFilters().AsNoTracking()
            .SingleOrDefaultAsync(w => w.SiteKey == siteKey && w.Enabled, cancellationToken);
        if (website is not null && Interlocked.Read(ref _generation) == generation)
        {
            cache.Set(Key(siteKey), website, KeepFor);
        }

        return website;
    }

    public void Forget(string siteKey)
    {
        Interlocked.Increment(ref _generation);
        cache.Remove(Key(siteKey));
    }

    private static (string, string) Key(string siteKey) => ("posting-site", siteKey);
}
