using CommercialManagement.Inbox.Api.Features.SubmitRequest;

namespace CommercialManagement.Inbox.Api;

internal static class InboxApi
{
    public static IEndpointRouteBuilder MapInboxApi(this IEndpointRouteBuilder app)
    {
        var publicApi = app.MapGroup("/public").WithTags("Public intake");
        publicApi.MapPost("/requests", SubmitRequestEndpoint.HandleAsync)
            .WithName("SubmitRequest")
            .WithSummary("A website form sends a contact request; answers 202 once it is safely stored.")
            .AllowAnonymous();

        return app;
    }
}
