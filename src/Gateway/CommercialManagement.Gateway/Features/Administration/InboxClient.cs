using System.Net.Http.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.Gateway.Features.Administration;

public sealed record RequestRow(
    Guid Id, DateTimeOffset ReceivedAt, string CustomerName, string CustomerEmail, string? CustomerPhone,
    DateOnly? Arrival, DateOnly? Departure, int Adults, int Children, string Channel, bool Unread,
    Guid? AssigneeId, string? AssigneeName, DateTimeOffset LastActivityAt = default, string? LastMessagePreview = null,
    DateTimeOffset? AwaitingReplySince = null, double? WaitingWorkingHours = null, string? FailingEmail = null, string? FailingEmailReason = null);

/// <summary>
/// One entry of a conversation. <see cref="Channel"/> "Email": the customer wrote by email (issue 18), with its subject,
/// its original (<see cref="HasOriginal"/>) and its attachments.
/// </summary>
public sealed record ConversationEntry(
    Guid Id, string Kind, string Body, string AuthorName, DateTimeOffset PostedAt, string Delivery, string? DeliveryFailure,
    string Channel = "App", string? EmailSubject = null, bool HasOriginal = false, IReadOnlyList<AttachmentRow>? Attachments = null);

/// <summary>A file of a customer's email: downloadable when kept, its reason when refused.</summary>
public sealed record AttachmentRow(Guid Id, string FileName, string ContentType, long Size, string? RefusedReason);

internal sealed record RequestDetail(
    RequestRow Request, string Language, bool Consent, string CustomerSpaceToken, IReadOnlyList<ConversationEntry> Conversation,
    string? ConsentText = null, DateTimeOffset? ConsentAt = null);

internal sealed record RequestPageResult(IReadOnlyList<RequestRow> Items, int Total, int Page, int PageSize, int UnreadTotal, int AwaitingTotal = 0);

/// <summary>The back office's calls to the Inbox service, as the signed-in staff member.</summary>
internal sealed class InboxClient(StaffServiceClient services)
{
    public async Task<RequestPageResult> ListAsync(string? search, string filter, int page, int pageSize, CancellationToken cancellationToken)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        var query = $"/api/requests?page={page}&pageSize={pageSize}&filter={Uri.EscapeDataString(filter)}&search={Uri.EscapeDataString(search ?? "")}";
        return await inbox.GetFromJsonAsync<RequestPageResult>(query, cancellationToken)
            ?? new RequestPageResult([], 0, page, pageSize, 0);
    }

    public async Task<IReadOnlyList<string>> CreatePhoneRequestAsync(object body, string idempotencyKey)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        return await ProblemMessages.ReadAsync(await inbox.PostAsync("/api/requests", body, idempotencyKey));
    }

    /// <summary>The request with its conversation, or null when it is not one of my organisation's.</summary>
    public async Task<RequestDetail?> GetAsync(Guid id, CancellationToken cancellationToken = default)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        var response = await inbox.GetAsync($"/api/requests/{id}", cancellationToken);
        if (response.StatusCode == System.Net.HttpStatusCode.NotFound)
        {
            return null;
        }

        response.EnsureSuccessStatusCode();
        return await response.Content.ReadFromJsonAsync<RequestDetail>(cancellationToken);
    }

    /// <summary>A reply to the customer (emailed) or an internal note; the problems in French when refused.</summary>
    public async Task<IReadOnlyList<string>> PostMessageAsync(Guid id, string body, bool internalNote, string idempotencyKey)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        return await ProblemMessages.ReadAsync(await inbox.PostAsync($"/api/requests/{id}/messages", new { body, @internal = internalNote }, idempotencyKey));
    }

    public async Task RenewCustomerSpaceAsync(Guid id)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        (await inbox.PostAsync($"/api/requests/{id}/customer-space/renew", null)).EnsureSuccessStatusCode();
    }

    public async Task SetReadAsync(Guid id, bool read)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        var response = read ? await inbox.PutAsync($"/api/requests/{id}/read", null) : await inbox.DeleteAsync($"/api/requests/{id}/read");
        response.EnsureSuccessStatusCode();
    }

    public async Task AssignAsync(Guid id, Guid? assigneeId, string? assigneeName)
    {
        var inbox = await services.ForAsync(ResourceNames.InboxApi);
        (await inbox.PutAsJsonAsync($"/api/requests/{id}/assignee", new { assigneeId, assigneeName })).EnsureSuccessStatusCode();
    }
}
