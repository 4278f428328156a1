using CommercialManagement.Dossier.Api.Features.GetDossier;

namespace CommercialManagement.Dossier.Api;

internal static class DossierApi
{
    public static IEndpointRouteBuilder MapDossierApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Dossiers");
        api.MapGet("/{id:guid}", GetDossierEndpoint.HandleAsync)
            .WithName("GetDossier")
            .WithSummary("One case: customer, stay and where it stands in the workflow.");

        return app;
    }
}
