using CommercialManagement.Quote.Api.Domain.Catalogue;

namespace CommercialManagement.Quote.Api.Features.Catalogue;

internal sealed record SeasonBody(string? Name, DateOnly From, DateOnly To, long PriceCents, long? ChildPriceCents, long? SeniorPriceCents);

/// <summary>A product as an Admin writes it; the VAT rate defaults to the type's (10 % accommodation and lift passes, 20 % the rest).</summary>
internal sealed record ProductBody(
    ProductType? Type,
    string? Name,
    string? Description,
    bool SoldOnMarketplace,
    int? VatRateBasisPoints,
    IReadOnlyList<SeasonBody>? Seasons,
    int? Capacity,
    int? UnitCapacity,
    long? TouristTaxCentsPerAdultNight,
    LessonKind? LessonKind)
{
    public ProductSpec ToSpec(ProductType type) => new(
        type, Name ?? "", Description, SoldOnMarketplace, VatRateBasisPoints ?? ProductRules.DefaultVatRate(type),
        (Seasons ?? []).Select(s => new SeasonPrice(s.Name?.Trim() ?? "", s.From, s.To, s.PriceCents, s.ChildPriceCents, s.SeniorPriceCents)).ToList(),
        Capacity, UnitCapacity, TouristTaxCentsPerAdultNight, LessonKind);
}

internal sealed record ProductResponse(
    Guid Id,
    Guid OrganisationId,
    string? SellerName,
    bool OwnedByMe,
    ProductType Type,
    string TypeLabel,
    string Name,
    string? Description,
    bool SoldOnMarketplace,
    int VatRateBasisPoints,
    IReadOnlyList<SeasonPrice> Seasons,
    int? Capacity,
    int? UnitCapacity,
    long? TouristTaxCentsPerAdultNight,
    LessonKind? LessonKind,
    bool Retired)
{
    public static ProductResponse Of(Product p, Guid? caller, IReadOnlyDictionary<Guid, string> sellers) => new(
        p.Id, p.OrganisationId, sellers.GetValueOrDefault(p.OrganisationId), p.OrganisationId == caller, p.Type, ProductTypes.Label(p.Type),
        p.Name, p.Description, p.SoldOnMarketplace, p.VatRateBasisPoints, p.Seasons, p.Capacity, p.UnitCapacity,
        p.TouristTaxCentsPerAdultNight, p.LessonKind, p.Retired);
}
