using System.Net;
using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Gateway.Features.Administration;

public sealed record PriceComponent(string Label, long AmountCents);

public sealed record QuoteLine(
    Guid Id, int Position, string Kind, Guid? ProductId, string? ProductType, string Label, string? Description, DateOnly? From, DateOnly? To,
    int Quantity, int Participants, long UnitPriceCents, long AmountCents, int VatRateBasisPoints, long TouristTaxCents, bool Counted, string? Problem,
    IReadOnlyList<PriceComponent> Breakdown);

public sealed record VatLine(int RateBasisPoints, long NetCents, long VatCents, long GrossCents);

public sealed record QuoteTotals(long NetCents, long VatCents, long GrossCents, IReadOnlyList<VatLine> VatByRate, long TouristTaxCents, long TotalCents);

public sealed record QuoteSchedule(int DepositPercentage, long DepositCents, long BalanceCents, DateOnly? BalanceDueDate, bool WholeAmountNow);

/// <summary>Who the quote is made out to; a business customer adds its SIREN or SIRET and its VAT number.</summary>
public sealed record QuoteCustomer(string Name, string Address, string Email, string Phone, string? CompanyId = null, string? VatNumber = null);

public sealed record QuoteAcceptance(DateTimeOffset At, string By, int Version, string? From, string? Note);

public sealed record QuoteVersionSummary(int Version, DateTimeOffset? SentAt, DateOnly? ValidUntil, long TotalCents, int LineCount, DateTimeOffset SupersededAt);

/// <summary>« Modifier la commande » open: the accepted version and total it would replace, and the difference (issue 16).</summary>
public sealed record QuoteAmendment(int AcceptedVersion, long AcceptedTotalCents, long DifferenceCents);

public sealed record OtherQuote(Guid Id, string Number, string State, long TotalCents, DateTimeOffset CreatedAt, DateTimeOffset? ClosedAt, string? ClosingReason);

/// <summary>A case's current quote, as the Quote service shows it to staff.</summary>
public sealed record QuoteDetail(
    Guid Id, Guid RequestId, string Number, string State, string StateLabel, int Version, bool Expired, QuoteCustomer Customer,
    IReadOnlyList<QuoteLine> Lines, QuoteTotals Totals, QuoteSchedule Schedule, DateOnly? ValidUntil, DateTimeOffset? SentAt,
    QuoteAcceptance? Acceptance, DateTimeOffset? ClosedAt, string? ClosingReason, IReadOnlyList<QuoteVersionSummary> PreviousVersions,
    IReadOnlyList<OtherQuote> OtherQuotes, IReadOnlyList<string>? SendBlockers = null, QuoteAmendment? Amendment = null,
    DateTimeOffset? PlacesReleasedAt = null)
{
    public bool IsDraft => State == "Draft";
}

public sealed record OfferLine(string Label, string? AgeBand, int Quantity, long UnitPriceCents, long AmountCents, IReadOnlyList<PriceComponent> Breakdown);

/// <summary>A catalogue product priced for the case's stay and party, available or why not.</summary>
public sealed record Offer(
    Guid ProductId, string Type, string TypeLabel, string Name, string? Description, string? SellerName, bool OwnedByMe, string? LessonKind,
    int VatRateBasisPoints, DateOnly From, DateOnly To, int Quantity, int Participants, bool Available, string? Reason,
    long? AmountCents, long? TouristTaxCents, int? PlacesLeft, IReadOnlyList<OfferLine> Lines);

/// <summary>The back office's calls to the Quote service, as the signed-in staff member; refusals come back in French.</summary>
internal sealed class QuoteClient(StaffServiceClient services)
{
    public async Task<QuoteDetail?> GetAsync(Guid requestId, CancellationToken cancellationToken = default)
    {
        using var response = await (await Quotes()).GetAsync($"/api/quotes/by-request/{requestId}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<QuoteDetail>(cancellationToken);
    }

    /// <summary>The catalogue's products of a type priced for the case; one product for some of its people when given.</summary>
    public async Task<(IReadOnlyList<Offer> Offers, IReadOnlyList<string> Problems)> OffersAsync(
        Guid requestId, string type, Guid? productId = null, int? participants = null, CancellationToken cancellationToken = default)
    {
        var only = productId is { } id ? FormattableString.Invariant($"&productId={id}&participants={participants}") : "";
        using var response = await (await Quotes()).GetAsync($"/api/quotes/by-request/{requestId}/offers?type={Uri.EscapeDataString(type)}{only}", cancellationToken);
        return response.IsSuccessStatusCode
            ? ((await response.Content.ReadFromJsonAsync<List<Offer>>(cancellationToken)) ?? [], [])
            : ([], await ProblemMessages.ReadAsync(response));
    }

    public async Task<IReadOnlyList<string>> AddLineAsync(Guid requestId, Guid productId, DateOnly from, DateOnly to, int quantity, int participants, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PostAsync($"/api/quotes/by-request/{requestId}/lines", new { productId, from, to, quantity, participants }, idempotencyKey));

    public async Task<IReadOnlyList<string>> AddCustomLineAsync(Guid requestId, string label, string? description, int quantity, long unitPriceCents, int vatRateBasisPoints, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PostAsync($"/api/quotes/by-request/{requestId}/custom-lines", new { label, description, quantity, unitPriceCents, vatRateBasisPoints }, idempotencyKey));

    public async Task<IReadOnlyList<string>> ChangeQuantityAsync(Guid quoteId, Guid lineId, int quantity) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PatchAsJsonAsync($"/api/quotes/{quoteId}/lines/{lineId}", new { quantity }));

    public async Task<IReadOnlyList<string>> RemoveLineAsync(Guid quoteId, Guid lineId) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).DeleteAsync($"/api/quotes/{quoteId}/lines/{lineId}"));

    public async Task<IReadOnlyList<string>> ChangeCustomerAsync(Guid quoteId, QuoteCustomer customer) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PutAsJsonAsync($"/api/quotes/{quoteId}/customer", customer));

    /// <summary>« Prolonger la validité »: a sent or expired quote valid until <paramref name="validUntil"/> (issue 17).</summary>
    public async Task<IReadOnlyList<string>> ExtendValidityAsync(Guid quoteId, DateOnly validUntil) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil }));

    public async Task<IReadOnlyList<string>> SendAsync(Guid quoteId, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PostAsync($"/api/quotes/{quoteId}/send", null, idempotencyKey));

    /// <summary>« Modifier la commande »: the accepted quote's next version opens as a draft.</summary>
    public async Task<IReadOnlyList<string>> OpenAmendmentAsync(Guid quoteId, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PostAsync($"/api/quotes/{quoteId}/amendment", null, idempotencyKey));

    /// <summary>« Abandonner la modification »: back to the accepted version.</summary>
    public async Task<IReadOnlyList<string>> AbandonAmendmentAsync(Guid quoteId) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).DeleteAsync($"/api/quotes/{quoteId}/amendment"));

    public async Task<IReadOnlyList<string>> AcceptByPhoneAsync(Guid quoteId, string? note, string idempotencyKey) =>
        await ProblemMessages.ReadAsync(await (await Quotes()).PostAsync($"/api/quotes/{quoteId}/acceptance", new { note }, idempotencyKey));

    private Task<HttpClient> Quotes() => services.ForAsync(ResourceNames.QuoteApi);
}
