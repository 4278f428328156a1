using System.Text;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;
using Microsoft.Net.Http.Headers;

namespace CommercialManagement.Inbox.Api.Features.Conversation;

/// <summary>
/// What staff open from a customer's email (issue 18): its attachments, always as downloads, and its original as the
/// server gave it, shown as plain text. Neither is ever rendered by the browser as a page: nosniff, and a sandbox with
/// nothing allowed in case a browser tried.
/// </summary>
internal static class EmailFilesEndpoints
{
    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> AttachmentAsync(
        Guid id, Guid attachmentId, HttpContext http, InboxDbContext db, CancellationToken cancellationToken)
    {
        var attachment = await db.Attachments.AsNoTracking()
            .Where(a => a.Id == attachmentId && db.Messages.Any(m => m.Id == a.MessageId && m.RequestId == id))
            .SingleOrDefaultAsync(cancellationToken);
        if (attachment is null)
        {
            return TypedResults.Problem(title: "Pièce jointe introuvable.", statusCode: StatusCodes.Status404NotFound);
        }

        if (attachment.Content is null)
        {
            return TypedResults.Problem(
                title: "Cette pièce jointe n'a pas été gardée.", detail: attachment.RefusedReason, statusCode: StatusCodes.Status404NotFound);
        }

        Harden(http);
        return TypedResults.File(attachment.Content, attachment.ContentType, attachment.FileName);
    }

    public static async Task<Results<FileContentHttpResult, ProblemHttpResult>> OriginalAsync(
        Guid id, Guid messageId, bool? download, HttpContext http, InboxDbContext db, CancellationToken cancellationToken)
    {
        var inbound = await db.Messages.AsNoTracking()
            .Where(m => m.Id == messageId && m.RequestId == id && m.InboundEmailId != null)
            .Join(db.InboundEmails.AsNoTracking(), m => m.InboundEmailId, e => e.Id, (m, e) => new { e.Raw, e.RawTruncated })
            .SingleOrDefaultAsync(cancellationToken);
        if (inbound is null)
        {
            return TypedResults.Problem(title: "Ce message n'est pas arrivé par e-mail.", statusCode: StatusCodes.Status404NotFound);
        }

        Harden(http);
        if (download == true)
        {
            return TypedResults.File(inbound.Raw, "message/rfc822", "original.eml");
        }

        // Shown as text: the bytes are mostly ASCII (MIME); any 8-bit part is read as UTF-8 and never as markup.
        var text = Encoding.UTF8.GetString(inbound.Raw);
        if (inbound.RawTruncated)
        {
            text += "\r\n\r\n[Seuls les en-têtes ont été gardés : l'e-mail dépassait la taille relevée.]\r\n";
        }

        return TypedResults.File(Encoding.UTF8.GetBytes(text), "text/plain; charset=utf-8");
    }

    private static void Harden(HttpContext http)
    {
        http.Response.Headers[HeaderNames.XContentTypeOptions] = "nosniff";
        http.Response.Headers[HeaderNames.ContentSecurityPolicy] = "sandbox; default-src 'none'";
        http.Response.Headers[HeaderNames.CacheControl] = "private, no-store";
    }
}
