using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.Quote.Api.Domain.Catalogue;
using CommercialManagement.Quote.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.Catalogue;

/// <summary>
/// The catalogue: what the caller sees (their products, and for the booking office the marketplace's), and an Admin's
/// writes on their own organisation's products. Availability rows follow the seasons and the capacity.
/// </summary>
internal static class CatalogueEndpoints
{
    public static async Task<Ok<List<ProductResponse>>> ListAsync(
        ProductType? type, string? search, bool? includeRetired, QuoteDbContext db, CancellationToken cancellationToken)
    {
        var query = await db.VisibleProductsAsync(cancellationToken);
        if (type is { } wanted)
        {
            query = query.Where(p => p.Type == wanted);
        }

        if (!string.IsNullOrWhiteSpace(search))
        {
            var pattern = SubstringSearch.Pattern(search);
            query = query.Where(p => EF.Functions.ILike(p.Name, pattern, SubstringSearch.Escape) || EF.Functions.ILike(p.Description ?? "", pattern, SubstringSearch.Escape));
        }

        if (includeRetired != true)
        {
            query = query.Where(p => !p.Retired);
        }

        var products = await query.AsNoTracking().OrderBy(p => p.Type).ThenBy(p => p.Name).Take(500).ToListAsync(cancellationToken);
        var sellers = await db.SellerNamesAsync(products.Select(p => p.OrganisationId), cancellationToken);
        return TypedResults.Ok(products.Select(p => ProductResponse.Of(p, db.CurrentOrganisationId, sellers)).ToList());
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> GetAsync(Guid id, QuoteDbContext db, CancellationToken cancellationToken)
    {
        var product = await (await db.VisibleProductsAsync(cancellationToken)).AsNoTracking().SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        return product is null ? NotFound(id) : TypedResults.Ok(await ResponseAsync(db, product, cancellationToken));
    }

    public static async Task<Results<Created<ProductResponse>, ValidationProblem>> CreateAsync(
        ProductBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        if (body.Type is not { } type)
        {
            return Invalid(new() { ["type"] = ["Choisissez le type du produit (Accommodation, SkiLesson, LiftPass, Rental ou Activity)."] });
        }

        var spec = body.ToSpec(type);
        if (ProductRules.Validate(spec) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        var product = Product.Create(Guid.CreateVersion7(), db.CurrentOrganisationId!.Value, spec, time.GetUtcNow());
        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        db.Products.Add(product);
        await db.SaveChangesAsync(cancellationToken);
        await db.OpenDatesAsync(product, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Created($"/api/catalogue/products/{product.Id}", await ResponseAsync(db, product, cancellationToken));
    }

    public static async Task<Results<Ok<ProductResponse>, ValidationProblem, ProblemHttpResult>> UpdateAsync(
        Guid id, ProductBody body, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        // The tenant filter alone: an Admin changes only their own organisation's products.
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound(id);
        }

        if (body.Type is { } type && type != product.Type)
        {
            return Invalid(new() { ["type"] = ["Le type d'un produit ne change pas : retirez-le et créez-en un autre."] });
        }

        var spec = body.ToSpec(product.Type);
        if (ProductRules.Validate(spec) is { Count: > 0 } errors)
        {
            return Invalid(errors);
        }

        await using var transaction = await db.Database.BeginTransactionAsync(cancellationToken);
        product.Change(spec, time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        await db.OpenDatesAsync(product, cancellationToken);
        await transaction.CommitAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, product, cancellationToken));
    }

    public static async Task<Results<Ok<ProductResponse>, ProblemHttpResult>> RetireAsync(Guid id, QuoteDbContext db, TimeProvider time, CancellationToken cancellationToken)
    {
        var product = await db.Products.SingleOrDefaultAsync(p => p.Id == id, cancellationToken);
        if (product is null)
        {
            return NotFound(id);
        }

        if (product.Retired)
        {
            return TypedResults.Problem(title: "Ce produit est déjà retiré du catalogue.", statusCode: StatusCodes.Status409Conflict);
        }

        product.Retire(time.GetUtcNow());
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Ok(await ResponseAsync(db, product, cancellationToken));
    }

    public static ProblemHttpResult NotFound(Guid id) =>
        TypedResults.Problem(title: "Produit introuvable.", detail: $"Aucun produit de votre catalogue n'a l'identifiant {id}.", statusCode: StatusCodes.Status404NotFound);

    private static ValidationProblem Invalid(Dictionary<string, string[]> errors) =>
        TypedResults.ValidationProblem(errors, title: "Le produit contient des erreurs.");

    private static async Task<ProductResponse> ResponseAsync(QuoteDbContext db, Product product, CancellationToken cancellationToken) =>
        ProductResponse.Of(product, db.CurrentOrganisationId, await db.SellerNamesAsync([product.OrganisationId], cancellationToken));
}
