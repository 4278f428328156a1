using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Gateway.Features.Administration;
using CommercialManagement.Gateway.Identity;
using CommercialManagement.ServiceDefaults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Gateway.Features.CustomerSpace;

public sealed record CustomerEntry(Guid Id, bool FromCustomer, string AuthorName, DateTimeOffset PostedAt, string Body);

internal sealed record CustomerConversation(
    Guid RequestId, Guid OrganisationId, string CustomerName, string Language, DateTimeOffset ReceivedAt,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, IReadOnlyList<CustomerEntry> Messages);

/// <summary>Who the customer is talking to: the seller's public details.</summary>
internal sealed record Seller(string Name, string ContactEmail, string? ContactPhone);

/// <summary>
/// The customer space's server-side calls: the conversation from Inbox by the case's secret token (no staff token,
/// no account), and the seller's public details from the gateway's own organisations.
/// </summary>
internal sealed class CustomerSpaceClient(IHttpClientFactory httpClients, GatewayDbContext db)
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
    public async Task<IReadOnlyList<string>> ReplyAsync(string token, string body, CancellationToken cancellationToken) =>
        await ProblemMessages.ReadAsync(await Inbox().PostAsJsonAsync($"/public/spaces/{Uri.EscapeDataString(token)}/messages", new { body }, cancellationToken));

    private HttpClient Inbox()
    {
        var client = httpClients.CreateClient(ResourceNames.InboxApi);
        client.BaseAddress = new Uri($"http://{ResourceNames.InboxApi}");
        return client;
    }
}
