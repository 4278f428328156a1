using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.CustomerSpace;

public sealed record CustomerEntry(Guid Id, bool FromCustomer, string AuthorName, DateTimeOffset PostedAt, string Body);

public sealed record CustomerConversation(
    Guid RequestId, Guid OrganisationId, string CustomerName, string Language, DateTimeOffset ReceivedAt,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, IReadOnlyList<CustomerEntry> Messages);

/// <summary>A change of the customer's accepted order sent to them (issue 16): the accepted total, the new one, the difference.</summary>
public sealed record CustomerAmendment(int AcceptedVersion, long AcceptedTotalCents, long NewTotalCents, long DifferenceCents);

public sealed record CustomerQuoteLine(string Label, string? Description, DateOnly? From, DateOnly? To, int Quantity, long UnitPriceCents, int VatRateBasisPoints, long AmountCents);

/// <summary>
/// The quote sent to the customer, as the Quote service shows it to them (never a draft): after a change of stay, the
/// one they had, void, with <see cref="NewQuoteComing"/> while its replacement is prepared.
/// </summary>
public sealed record CustomerQuote(
    Guid Id, string Number, int Version, string State, bool Expired, DateOnly? ValidUntil, IReadOnlyList<CustomerQuoteLine> Lines,
    long NetCents, long VatCents, long TouristTaxCents, long TotalCents, int DepositPercentage, long DepositCents, long BalanceCents,
    DateOnly? BalanceDueDate, bool WholeAmountNow, DateTimeOffset? AcceptedAt, string? ClosingReason, bool CanAccept, bool NewQuoteComing = false,
    CustomerAmendment? Amendment = null);

/// <summary>Who the customer is talking to: the seller's public details.</summary>
internal sealed record Seller(string Name, string ContactEmail, string? ContactPhone);

/// <summary>
/// The customer space's server-side calls: the conversation from Inbox by the case's secret token (no staff token,
/// no account), and the seller's public details from the gateway's own organisations.
/// </summary>
internal sealed class CustomerSpaceClient(IHttpClientFactory httpClients, GatewayDbContext db, StaffTokenIssuer issuer)
{
    public async Task<(CustomerConversation Conversation, Seller Seller)?> GetAsync(string token, CancellationToken cancellationToken)
    {
        var response = await Inbox().GetAsync($"/public/spaces/{Uri.EscapeDataString(token)}", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        var conversation = (await response.Content.ReadFromJsonAsync<CustomerConversation>(cancellationToken))!;
        var seller = await db.Organisations.AsNoTracking().Where(o => o.Id == conversation.OrganisationId)
            .Select(o => new Seller(o.Name, o.ContactEmail, o.ContactPhone)).SingleOrDefaultAsync(cancellationToken);
        return (conversation, seller ?? new Seller("", "", null));
    }

    /// <summary>The customer's answer; the problems to show when it is refused (empty, too long, link revoked).</summary>
    public async Task<IReadOnlyList<string>> ReplyAsync(string token, string body, string idempotencyKey, CancellationToken cancellationToken) =>
        await ProblemMessages.ReadAsync(await Inbox().PostAsync($"/public/spaces/{Uri.EscapeDataString(token)}/messages", new { body }, idempotencyKey, cancellationToken));

    /// <summary>The quote sent for the case, once the space's token was checked with Inbox; null before one is sent.</summary>
    public async Task<CustomerQuote?> QuoteAsync(CustomerConversation space, CancellationToken cancellationToken)
    {
        using var response = await Quotes(space).GetAsync("/customer/quote", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<CustomerQuote>(cancellationToken);
    }

    public async Task<byte[]?> QuotePdfAsync(CustomerConversation space, CancellationToken cancellationToken)
    {
        using var response = await Quotes(space).GetAsync("/customer/quote/pdf", cancellationToken);
        if (response.StatusCode == HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadAsByteArrayAsync(cancellationToken);
    }

    /// <summary>The customer's acceptance (terms ticked, from their address); the reasons when it is refused.</summary>
    /// <summary>The customer's « Accepter le devis », with the form's key: a resubmitted form is the same acceptance.</summary>
    public async Task<IReadOnlyList<string>> AcceptQuoteAsync(
        CustomerConversation space, Guid quoteId, int version, bool termsAccepted, string? from, string idempotencyKey, CancellationToken cancellationToken) =>
        await ProblemMessages.ReadAsync(await Quotes(space).PostAsync("/customer/quote/acceptance", new { quoteId, version, termsAccepted, from }, idempotencyKey, cancellationToken));

    public async Task<IReadOnlyList<string>> RefuseQuoteAsync(CustomerConversation space, Guid quoteId, string? reason, CancellationToken cancellationToken) =>
        await ProblemMessages.ReadAsync(await Quotes(space).PostAsJsonAsync("/customer/quote/refusal", new { quoteId, reason }, cancellationToken));

    /// <summary>The Quote service, as this one case's customer: a two-minute token for the case Inbox vouched for.</summary>
    private HttpClient Quotes(CustomerConversation space)
    {
        var client = httpClients.CreateClient(ResourceNames.QuoteApi);
        client.BaseAddress = new Uri($"http://{ResourceNames.QuoteApi}");
        client.DefaultRequestHeaders.Authorization = new("Bearer", issuer.IssueForCustomer(space.OrganisationId, space.RequestId));
        return client;
    }

    private HttpClient Inbox()
    {
        var client = httpClients.CreateClient(ResourceNames.InboxApi);
        client.BaseAddress = new Uri($"http://{ResourceNames.InboxApi}");
        return client;
    }
}
