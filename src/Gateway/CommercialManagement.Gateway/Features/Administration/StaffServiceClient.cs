using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Components.Authorization;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>
/// Calls a service from the interactive back office as the signed-in staff member (there is no HttpContext in a
/// Blazor circuit): a fresh short-lived staff token per client, resolved through service discovery. The member is read
/// from the circuit's authentication state at each call, so once its revalidation has ended the session (rights
/// withdrawn), no call leaves with the old identity.
/// </summary>
internal sealed class StaffServiceClient(IHttpClientFactory httpClients, AuthenticationStateProvider authentication, StaffTokenIssuer issuer)
{
    public async Task<HttpClient> ForAsync(string service)
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        if (user.Identity?.IsAuthenticated != true)
        {
            // The pages' callers already treat a failed call as a service that did not answer; the tab is leaving for the login page.
            throw new HttpRequestException("La session a pris fin : reconnectez-vous.", null, System.Net.HttpStatusCode.Unauthorized);
        }

        var client = httpClients.CreateClient(service);
        client.BaseAddress = new Uri($"http://{service}");
        client.DefaultRequestHeaders.Authorization = new("Bearer", issuer.Issue(user, StaffTokenOptions.ServicesAudience, StaffTokenOptions.ServiceTokenLifetime));
        return client;
    }
}

/// <summary>Who is using the back office in this circuit.</summary>
internal sealed class CurrentStaff(AuthenticationStateProvider authentication)
{
    public async Task<(Guid UserId, Guid OrganisationId)> GetAsync()
    {
        var user = (await authentication.GetAuthenticationStateAsync()).User;
        return (Guid.Parse(user.FindFirst(StaffClaims.UserId)!.Value), Guid.Parse(user.FindFirst(StaffClaims.OrganisationId)!.Value));
    }

    public async Task<string> NameAsync() =>
        (await authentication.GetAuthenticationStateAsync()).User.FindFirst(StaffClaims.Name)?.Value ?? "";
}
