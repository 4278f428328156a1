using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Inbox.Api.Domain;
using CommercialManagement.Inbox.Api.Persistence;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Inbox.Api.Features.Conversation;

internal sealed record CustomerConversation(
    Guid RequestId, Guid OrganisationId, string CustomerName, string Language, DateTimeOffset ReceivedAt,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, IReadOnlyList<CustomerEntry> Messages);

/// <summary>What the customer sees of an entry: who wrote it, when, and the text. Never an internal note.</summary>
internal sealed record CustomerEntry(Guid Id, bool FromCustomer, string AuthorName, DateTimeOffset PostedAt, string Body);

internal sealed record CustomerMessageBody(string? Body);

/// <summary>
/// The customer space's data, reached with the case's secret token only (no account). The gateway serves the page
/// at <c>/espace/{token}</c> and calls these from the server; they are not routed to the internet as such.
/// Internal notes and system entries never leave through here.
/// </summary>
internal static class CustomerSpaceEndpoints
{
    public static async Task<Results<Ok<CustomerConversation>, ProblemHttpResult>> GetAsync(string token, InboxDbContext db, CancellationToken cancellationToken)
    {
        var request = await FindAsync(token, db, cancellationToken);
        if (request is null)
        {
            return UnknownLink();
        }

        var messages = await db.Messages.IgnoreQueryFilters().AsNoTracking()
            .Where(m => m.RequestId == request.Id && m.OrganisationId == request.OrganisationId
                && (m.Kind == MessageKind.Customer || m.Kind == MessageKind.Staff))
            .OrderBy(m => m.PostedAt).ThenBy(m => m.Id)
            .ToListAsync(cancellationToken);
        var entries = ConversationEndpoints.Opening(request)
            .Where(e => e.Kind == MessageKind.Customer)
            .Select(e => new CustomerEntry(e.Id, true, e.AuthorName, e.PostedAt, e.Body))
            .Concat(messages.Select(m => new CustomerEntry(m.Id, m.Kind == MessageKind.Customer, m.AuthorName, m.PostedAt, m.Body)));
        return TypedResults.Ok(new CustomerConversation(
            request.Id, request.OrganisationId, request.CustomerName, request.Language, request.ReceivedAt,
            request.Arrival, request.Departure, request.Adults, request.ChildrenAges.Count, [.. entries]));
    }

    public static async Task<Results<Created<CustomerEntry>, ValidationProblem, ProblemHttpResult>> PostAsync(
        string token, CustomerMessageBody body, InboxDbContext db, TenantContext tenant, TimeProvider timeProvider, CancellationToken cancellationToken)
    {
        if (ConversationEndpoints.ValidateBody(body.Body) is { } errors)
        {
            return errors;
        }

        var request = await FindAsync(token, db, cancellationToken);
        if (request is null)
        {
            return UnknownLink();
        }

        tenant.Use(request.OrganisationId);
        db.Attach(request);
        var now = timeProvider.GetUtcNow();
        var message = ConversationMessage.FromCustomer(request, body.Body!.Trim(), now);
        db.Messages.Add(message);
        request.MarkUnread();
        db.AddToOutbox(request.ToCustomerMessagePostedEvent(message.Id, now));
        await db.SaveChangesAsync(cancellationToken);
        return TypedResults.Created($"/public/spaces/{token}", new CustomerEntry(message.Id, true, message.AuthorName, message.PostedAt, message.Body));
    }

    private static Task<Request?> FindAsync(string token, InboxDbContext db, CancellationToken cancellationToken) =>
        token.Length is < 32 or > 64
            ? Task.FromResult<Request?>(null)
            : db.Requests.IgnoreQueryFilters().AsNoTracking().SingleOrDefaultAsync(r => r.CustomerSpaceToken == token, cancellationToken);

    private static ProblemHttpResult UnknownLink() => TypedResults.Problem(
        title: "Ce lien n'est plus valide.",
        detail: "Le lien de votre espace client a peut-être été renouvelé : utilisez celui du dernier e-mail reçu, ou contactez-nous.",
        statusCode: StatusCodes.Status404NotFound);
}
