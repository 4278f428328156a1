using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.UnitTests.Catalogue;

/// <summary>Products with two seasons meeting on 6 February 2027: January then the February holidays.</summary>
internal static class Products
{
    public static readonly DateOnly Boundary = new(2027, 2, 6);

    public static readonly IReadOnlyList<SeasonPrice> TwoSeasons =
    [
        new("Janvier", new(2027, 1, 3), new(2027, 2, 5), 10_000, 8_000, 9_000),
        new("Vacances de février", new(2027, 2, 6), new(2027, 3, 6), 15_000, 12_000, 13_000),
    ];

    public static Product Of(ProductType type, int? capacity = 5, int? unitCapacity = null, long? touristTax = null, LessonKind? lesson = null, IReadOnlyList<SeasonPrice>? seasons = null)
    {
        var prices = seasons ?? (type == ProductType.LiftPass
            ? TwoSeasons
            : TwoSeasons.Select(s => s with { ChildPriceCents = null, SeniorPriceCents = null }).ToList());
        var spec = new ProductSpec(type, $"Produit {type}", null, true, ProductRules.DefaultVatRate(type), prices, capacity, unitCapacity, touristTax, lesson);
        return Product.Create(Guid.NewGuid(), Guid.NewGuid(), spec, DateTimeOffset.UnixEpoch);
    }

    public static Product Accommodation(int people = 4, long touristTax = 200) => Of(ProductType.Accommodation, 2, people, touristTax);
}
