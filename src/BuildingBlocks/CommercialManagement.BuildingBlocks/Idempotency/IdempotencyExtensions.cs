using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Http;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.DependencyInjection.Extensions;
using Microsoft.Extensions.Hosting;

namespace CommercialManagement.BuildingBlocks.Idempotency;

/// <summary>Which DbContext keeps a service's idempotency keys (the one its endpoints save their effects with).</summary>
internal sealed class IdempotencyStore(Type contextType, TimeProvider time)
{
    public TimeProvider Time => time;

    public DbContext ContextFor(IServiceProvider requestServices) => (DbContext)requestServices.GetRequiredService(contextType);
}

public static class IdempotencyExtensions
{
    /// <summary>
    /// Keys kept in <typeparamref name="TDbContext"/> (whose model calls <see cref="IdempotencyModel.AddIdempotencyKeys"/>),
    /// pruned after <see cref="IdempotencyRecord.Retention"/> by the scheduler's housekeeping.
    /// </summary>
    public static IHostApplicationBuilder AddIdempotencyKeys<TDbContext>(this IHostApplicationBuilder builder)
        where TDbContext : DbContext
    {
        builder.Services.TryAddSingleton(TimeProvider.System);
        builder.Services.AddSingleton(provider => new IdempotencyStore(typeof(TDbContext), provider.GetRequiredService<TimeProvider>()));
        builder.Services.AddRetentionRule(_ => new RetentionRule(IdempotencyRecord.Table, "created_at", IdempotencyRecord.Retention));
        return builder;
    }

    /// <summary>
    /// This endpoint honours <c>Idempotency-Key</c>: the same key sent again gets the stored answer, and the effect happens once.
    /// The metadata lets the API description document the header.
    /// </summary>
    public static TBuilder WithIdempotency<TBuilder>(this TBuilder endpoint)
        where TBuilder : IEndpointConventionBuilder =>
        endpoint.AddEndpointFilterFactory(IdempotencyFilter.Create).WithMetadata(IdempotencyKeyMetadata.Instance);
}
