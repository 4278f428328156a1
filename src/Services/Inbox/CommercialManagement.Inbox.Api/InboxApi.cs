using CommercialManagement.Inbox.Api.Features.SubmitRequest;
using CommercialManagement.Inbox.Api.Features.Websites;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Inbox.Api;

internal static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var publicApi = app.MapGroup("/public").WithTags("Public intake");
        publicApi.MapPost("/requests", SubmitRequestEndpoint.HandleAsync)
            .WithName("SubmitRequest")
            .WithSummary("A website form sends a contact request; answers 202 once it is safely stored.")
            .AllowAnonymous()
            .RequireCors(IntakeProtection.CorsPolicy)
            .RequireRateLimiting(IntakeProtection.RateLimitPolicy);

        var websites = app.MapGroup("/api/websites").WithTags("Websites");
        websites.MapGet("/", WebsitesEndpoints.ListAsync)
            .WithName("ListWebsites")
            .WithSummary("The websites allowed to post requests for my organisation, with their site keys.");
        websites.MapPost("/", WebsitesEndpoints.CreateAsync)
            .WithName("CreateWebsite")
            .WithSummary("Registers a website (name, allowed origins) and gives it a new site key.")
            .RequireAuthorization(StaffClaims.AdminRole);
        websites.MapPut("/{id:guid}", WebsitesEndpoints.UpdateAsync)
            .WithName("UpdateWebsite")
            .WithSummary("Renames a website, changes its allowed origins, enables or disables it.")
            .RequireAuthorization(StaffClaims.AdminRole);

        return app;
    }
}
