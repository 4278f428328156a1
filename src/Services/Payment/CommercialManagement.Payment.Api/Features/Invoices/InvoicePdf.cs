using CommercialManagement.Payment.Api.Documents;
using CommercialManagement.Payment.Api.Features.CustomerPayments;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CommercialManagement.Payment.Api.Features.Invoices;

/// <summary>
/// An issued invoice or credit note as a PDF, rendered from its frozen content: staff see it in the browser, the customer
/// downloads it from the customer space (only their own case's), Notification attaches it to the email that sends it.
/// Every query runs in the caller's organisation (query filters).
/// </summary>
internal static class InvoicePdf
{
    /// <summary>« PDF » in the payment panel: shown by the browser, its file name kept for « Enregistrer sous ».</summary>
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> ShowAsync(Guid invoiceId, HttpContext http, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var result = await RenderAsync(invoiceId, null, db, cancellationToken);
        if (result.Result is FileContentHttpResult file)
        {
            var disposition = new ContentDispositionHeaderValue("inline");
            disposition.SetHttpFileName(file.FileDownloadName);
            http.Response.Headers.ContentDisposition = disposition.ToString();
            return TypedResults.File(file.FileContents.ToArray(), file.ContentType);
        }

        return result;
    }

    /// <summary>The customer's download: an invoice of another case is unknown here (404), whoever asks.</summary>
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> ForCustomerAsync(Guid invoiceId, HttpContext http, PaymentDbContext db, CancellationToken cancellationToken) =>
        RenderAsync(invoiceId, CustomerPaymentsEndpoints.CaseOf(http), db, cancellationToken);

    /// <summary>Notification's fetch, with its document token of the invoice's organisation.</summary>
    public static Task<Results<FileContentHttpResult, ProblemHttpResult>> ForNotificationAsync(Guid invoiceId, PaymentDbContext db, CancellationToken cancellationToken) =>
        RenderAsync(invoiceId, null, db, cancellationToken);

    private static async Task<Results<FileContentHttpResult, ProblemHttpResult>> RenderAsync(Guid invoiceId, Guid? caseId, PaymentDbContext db, CancellationToken cancellationToken)
    {
        var invoice = await db.Invoices.AsNoTracking().SingleOrDefaultAsync(i => i.Id == invoiceId && i.Sequence > 0, cancellationToken);
        if (invoice is null || (caseId is { } own && invoice.RequestId != own))
        {
            return TypedResults.Problem(title: "Facture introuvable.", detail: $"Aucune facture ni aucun avoir n'a l'identifiant {invoiceId}.", statusCode: StatusCodes.Status404NotFound);
        }

        return TypedResults.File(InvoiceDocument.Render(invoice), "application/pdf", $"{invoice.Number}.pdf");
    }
}
