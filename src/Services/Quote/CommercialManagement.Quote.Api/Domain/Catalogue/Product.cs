using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Quote.Api.Domain.Catalogue;

/// <summary>What an Admin types to create or change a product; checked by <see cref="ProductRules"/>.</summary>
internal sealed record ProductSpec(
    ProductType Type,
    string Name,
    string? Description,
    bool SoldOnMarketplace,
    int VatRateBasisPoints,
    IReadOnlyList<SeasonPrice> Seasons,
    int? Capacity,
    int? UnitCapacity,
    long? TouristTaxCentsPerAdultNight,
    LessonKind? LessonKind);

/// <summary>
/// A product of an organisation's catalogue. Its own organisation sees it; the booking office also sees it when it is
/// sold on the marketplace (see <c>CatalogueVisibility</c>). Retired products stay for the quotes that hold them.
/// </summary>
internal sealed class Product : ITenantOwned
{
    private Product()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public ProductType Type { get; private set; }

    public string Name { get; private set; } = "";

    public string? Description { get; private set; }

    public bool SoldOnMarketplace { get; private set; }

    public int VatRateBasisPoints { get; private set; }

    public IReadOnlyList<SeasonPrice> Seasons { get; private set; } = [];

    /// <summary>Units per night (accommodation), places (group lessons) or instructors (private lessons) per session, places per date (activities); none for unlimited types.</summary>
    public int? Capacity { get; private set; }

    /// <summary>People per unit (accommodation) or per private lesson.</summary>
    public int? UnitCapacity { get; private set; }

    public long? TouristTaxCentsPerAdultNight { get; private set; }

    public LessonKind? LessonKind { get; private set; }

    public bool Retired { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public DateTimeOffset UpdatedAt { get; private set; }

    public static Product Create(Guid id, Guid organisationId, ProductSpec spec, DateTimeOffset now)
    {
        var product = new Product { Id = id, OrganisationId = organisationId, Type = spec.Type, CreatedAt = now };
        product.Change(spec, now);
        return product;
    }

    /// <summary>Changes everything but the type (a chalet does not become a lesson: retire it and create another).</summary>
    public void Change(ProductSpec spec, DateTimeOffset now)
    {
        if (spec.Type != Type)
        {
            throw new InvalidOperationException("The type of a product cannot change.");
        }

        Name = spec.Name.Trim();
        Description = string.IsNullOrWhiteSpace(spec.Description) ? null : spec.Description.Trim();
        SoldOnMarketplace = spec.SoldOnMarketplace;
        VatRateBasisPoints = spec.VatRateBasisPoints;
        Seasons = spec.Seasons.OrderBy(s => s.From).ToList();
        Capacity = ProductTypes.HasAvailability(Type) ? spec.Capacity : null;
        UnitCapacity = Type is ProductType.Accommodation || spec.LessonKind is Catalogue.LessonKind.Private ? spec.UnitCapacity : null;
        TouristTaxCentsPerAdultNight = Type == ProductType.Accommodation ? spec.TouristTaxCentsPerAdultNight ?? 0 : null;
        LessonKind = Type == ProductType.SkiLesson ? spec.LessonKind ?? Catalogue.LessonKind.Group : null;
        UpdatedAt = now;
    }

    public void Retire(DateTimeOffset now)
    {
        if (Retired)
        {
            throw new InvalidOperationException("Ce produit est déjà retiré du catalogue.");
        }

        Retired = true;
        UpdatedAt = now;
    }

    public SeasonPrice? SeasonOf(DateOnly date) => Seasons.FirstOrDefault(s => s.Covers(date));

    /// <summary>Every date a season covers: the dates that get an availability row.</summary>
    public IEnumerable<DateOnly> SeasonDates() =>
        Seasons.SelectMany(s => Enumerable.Range(0, s.To.DayNumber - s.From.DayNumber + 1).Select(s.From.AddDays)).Distinct().Order();
}
