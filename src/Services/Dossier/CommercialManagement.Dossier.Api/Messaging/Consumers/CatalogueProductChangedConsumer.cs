using CommercialManagement.Contracts.Quote;
using CommercialManagement.Dossier.Api.Domain.Reporting;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Messaging.Consumers;

/// <summary>Keeps « Pilotage »'s copy of the catalogue (the latest change wins; Quote repeats every product at start).</summary>
internal sealed class CatalogueProductChangedConsumer(DossierDbContext db) : IConsumer<CatalogueProductChanged>
{
    public async Task Consume(ConsumeContext<CatalogueProductChanged> context)
    {
        var changed = context.Message;
        var product = await db.CatalogueProducts.SingleOrDefaultAsync(p => p.Id == changed.ProductId, context.CancellationToken);
        if (product is null)
        {
            db.CatalogueProducts.Add(CatalogueProduct.From(changed));
        }
        else
        {
            product.Apply(changed);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}
