using System.Net;
using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Gateway.Features.Administration;

public sealed record ProductSeason(string Name, DateOnly From, DateOnly To, long PriceCents, long? ChildPriceCents, long? SeniorPriceCents);

/// <summary>A catalogue product as the Quote service shows it: the caller's own, or the marketplace's.</summary>
public sealed record CatalogueProduct(
    Guid Id, Guid OrganisationId, string? SellerName, bool OwnedByMe, string Type, string TypeLabel, string Name, string? Description,
    bool SoldOnMarketplace, int VatRateBasisPoints, IReadOnlyList<ProductSeason> Seasons, int? Capacity, int? UnitCapacity,
    long? TouristTaxCentsPerAdultNight, string? LessonKind, bool Retired);

/// <summary>
/// Places a quote holds on one of my products (issue 17): the quote and its case (empty for another organisation's quote,
/// which shows that organisation instead of its customer), places per date, dates, and until when they stay held.
/// </summary>
public sealed record HeldPlaces(
    Guid ProductId, string ProductName, Guid QuoteId, Guid RequestId, string Number, string State, string StateLabel, string? CustomerName,
    string? OtherOrganisation, string Label, DateOnly? From, DateOnly? To, int Places, DateOnly? HeldUntil);

/// <summary>A product as an Admin writes it; the type is read only on creation.</summary>
public sealed record ProductDraft(
    string? Type, string Name, string? Description, bool SoldOnMarketplace, int VatRateBasisPoints, IReadOnlyList<ProductSeason> Seasons,
    int? Capacity, int? UnitCapacity, long? TouristTaxCentsPerAdultNight, string? LessonKind);

/// <summary>The back office's calls to the Quote service's catalogue, as the signed-in staff member; refusals come back in French.</summary>
internal sealed class CatalogueClient(StaffServiceClient services)
{
    public async Task<IReadOnlyList<CatalogueProduct>> ListAsync(string? type, string? search, bool includeRetired, CancellationToken cancellationToken = default)
    {
        var query = $"/api/catalogue/products?includeRetired={(includeRetired ? "true" : "false")}"
            + (string.IsNullOrEmpty(type) ? "" : $"&type={Uri.EscapeDataString(type)}")
            + (string.IsNullOrWhiteSpace(search) ? "" : $"&search={Uri.EscapeDataString(search.Trim())}");
        return await (await Catalogue()).GetFromJsonAsync<List<CatalogueProduct>>(query, cancellationToken) ?? [];
    }

    public async Task<CatalogueProduct?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        using var response = await (await Catalogue()).GetAsync($"/api/catalogue/products/{id}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CatalogueProduct>(cancellationToken);
    }

    public async Task<IReadOnlyList<string>> CreateAsync(ProductDraft product, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Catalogue()).PostAsync("/api/catalogue/products", product, idempotencyKey));

    public async Task<IReadOnlyList<string>> UpdateAsync(Guid id, ProductDraft product) =>
        await ProblemMessages.ReadAsync(await (await Catalogue()).PutAsJsonAsync($"/api/catalogue/products/{id}", product with { Type = null }));

    public async Task<IReadOnlyList<string>> RetireAsync(Guid id) =>
        await ProblemMessages.ReadAsync(await (await Catalogue()).PostAsync($"/api/catalogue/products/{id}/retire", null));

    /// <summary>« Places réservées »: what holds my products' stock.</summary>
    public async Task<IReadOnlyList<HeldPlaces>> HeldPlacesAsync(CancellationToken cancellationToken = default) =>
        await (await Catalogue()).GetFromJsonAsync<List<HeldPlaces>>("/api/catalogue/held-places", cancellationToken) ?? [];

    private Task<HttpClient> Catalogue() => services.ForAsync(ResourceNames.QuoteApi);
}
