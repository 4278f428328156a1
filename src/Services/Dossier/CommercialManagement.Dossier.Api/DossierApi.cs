using CommercialManagement.Dossier.Api.Features.Board;
using CommercialManagement.Dossier.Api.Features.GetDossier;
using CommercialManagement.Dossier.Api.Features.PersonalData;
using CommercialManagement.Dossier.Api.Features.Reporting;
using CommercialManagement.Dossier.Api.Features.Workflow;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Dossier.Api;

internal static class DossierApi
{
    public static IEndpointRouteBuilder MapDossierApi(this IEndpointRouteBuilder app)
    {
        var api = app.MapGroup("/api/dossiers").WithTags("Dossiers");
        api.MapGet("/board", BoardEndpoints.GetAsync)
            .WithName("GetBoard")
            .WithSummary("The board: seven columns with counts and a page of cards each (or one column's page); search, assignee, arrival dates, unread.");
        api.MapGet("/board.csv", BoardExport.ExportAsync)
            .WithName("ExportBoard")
            .WithSummary("The filtered board as CSV.");
        api.MapGet("/reporting", ReportingEndpoints.GetAsync)
            .WithName("GetReporting")
            .WithSummary("« Pilotage » for a period {from, to} (Paris days; default: the season in progress) and the same days a year earlier: funnel with median times, turnover accepted, invoiced and collected by month, product type, product and agent, balances; an agent gets their own cases only, an Admin may pass assignee.");
        api.MapGet("/reporting/{table}.csv", ReportingEndpoints.ExportAsync)
            .WithName("ExportReporting")
            .WithSummary("One table of « Pilotage » (funnel, months, product-types, products, agents) as CSV for a French spreadsheet, with the same filters.");
        api.MapGet("/{id:guid}", GetDossierEndpoint.HandleAsync)
            .WithName("GetDossier")
            .WithSummary("One case: customer, stay, where it stands in the workflow, quote and payment figures, its history.");
        api.MapPost("/{id:guid}/archive", WorkflowEndpoints.ArchiveAsync)
            .WithName("ArchiveDossier")
            .WithSummary("Archives a dossier from any column; 409 with the reason when it cannot be.");
        api.MapPost("/{id:guid}/restore", WorkflowEndpoints.RestoreAsync)
            .WithName("RestoreDossier")
            .WithSummary("Puts an archived dossier back where it was.");
        api.MapPut("/{id:guid}/processed", WorkflowEndpoints.MarkProcessedAsync)
            .WithName("MarkDossierProcessed")
            .WithSummary("Ticks « Saisie dans le logiciel (Traité) » on a paid-in-full dossier.");
        api.MapDelete("/{id:guid}/processed", WorkflowEndpoints.UnmarkProcessedAsync)
            .WithName("UnmarkDossierProcessed")
            .WithSummary("Unticks it: the dossier goes back to « Paiement soldé ».");
        api.MapPost("/{id:guid}/moves", WorkflowEndpoints.MoveAsync)
            .WithName("MoveDossier")
            .WithSummary("A card dropped on a board column: the staff move that leads there, or 409 saying why not.");
        api.MapPut("/{id:guid}/stay", WorkflowEndpoints.ChangeStayAsync)
            .WithName("ChangeDossierStay")
            .WithSummary("Changes the stay: 409 asking to confirm while a quote is in progress (it is then lost), 409 once a payment is received.");
        api.MapGet("/personal-data", PersonalDataEndpoint.GetAsync)
            .WithName("GetDossierPersonalData")
            .WithSummary("Admins: everything Dossier holds about an email address (dossiers, their history and payments), for a GDPR access request.")
            .RequireAuthorization(StaffClaims.AdminRole);

        return app;
    }
}
