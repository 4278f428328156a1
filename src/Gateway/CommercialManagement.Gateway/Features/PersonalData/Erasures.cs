using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Gateway.Identity;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.PersonalData;

/// <summary>An erasure as the Settings page shows it: who asked, when, each service's answer, done or not.</summary>
internal sealed record ErasureView(
    Guid Id, string RequestedBy, DateTimeOffset? RequestedAt, int CaseCount, DateTimeOffset? CompletedAt,
    IReadOnlyList<ErasureAcknowledgement> Acknowledgements, IReadOnlyList<string> Waiting);

/// <summary>
/// Starts erasures and reads them back, always within the Admin's organisation (the gateway's tables carry no tenant
/// filter). Starting one commits the record and its event together: the services hear of it only once it is recorded.
/// </summary>
internal sealed class Erasures(IServiceScopeFactory scopes, TimeProvider timeProvider)
{
    public async Task<Guid> StartAsync(Guid organisationId, string email, IReadOnlyList<Guid> requestIds, string requestedBy, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var requested = new CustomerErasureRequested
        {
            OrganisationId = organisationId,
            OccurredAt = timeProvider.GetUtcNow(),
            ErasureId = Guid.CreateVersion7(),
            CustomerEmail = ErasedCustomer.Normalise(email),
            RequestIds = [.. requestIds.Distinct()],
            RequestedBy = requestedBy,
        };
        var erasure = CustomerErasure.Of(organisationId, requested.ErasureId);
        erasure.Requested(requested);
        db.Set<CustomerErasure>().Add(erasure);
        db.AddToOutbox(requested);
        await db.SaveChangesAsync(cancellationToken);
        return erasure.Id;
    }

    public async Task<ErasureView?> GetAsync(Guid organisationId, Guid erasureId, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var erasure = await db.Set<CustomerErasure>().AsNoTracking()
            .SingleOrDefaultAsync(e => e.Id == erasureId && e.OrganisationId == organisationId, cancellationToken);
        return erasure is null ? null : View(erasure);
    }

    /// <summary>The erasures of one address (by its digest), or the organisation's latest when no address is given.</summary>
    public async Task<IReadOnlyList<ErasureView>> ListAsync(Guid organisationId, string? email, int take, CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<GatewayDbContext>();
        var query = db.Set<CustomerErasure>().AsNoTracking().Where(e => e.OrganisationId == organisationId && e.RequestedAt != null);
        if (!string.IsNullOrWhiteSpace(email))
        {
            var digest = CustomerErasure.Digest(organisationId, email);
            query = query.Where(e => e.EmailDigest == digest);
        }

        var erasures = await query.OrderByDescending(e => e.RequestedAt).Take(take).ToListAsync(cancellationToken);
        return [.. erasures.Select(View)];
    }

    private static ErasureView View(CustomerErasure erasure) => new(
        erasure.Id, erasure.RequestedBy, erasure.RequestedAt, erasure.CaseCount, erasure.CompletedAt, erasure.Acknowledgements,
        [.. ErasedCustomer.Services.Where(s => erasure.Acknowledgements.All(a => a.Service != s))]);
}
