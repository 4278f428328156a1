using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.Inbox.Api.Features.Conversation;
using CommercialManagement.Inbox.Api.Features.MailIn;
using CommercialManagement.Inbox.Api.Features.PersonalData;
using CommercialManagement.Inbox.Api.Features.Requests;
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
            .Accepts<SubmitRequestBody>("application/json")
            .AllowAnonymous()
            .RequireCors(IntakeOriginAndRateLimits.CorsPolicy)
            .RequireRateLimiting(IntakeOriginAndRateLimits.RateLimitPolicy);

        publicApi.MapGet("/spaces/{token}", CustomerSpaceEndpoints.GetAsync)
            .WithName("GetCustomerSpace")
            .WithSummary("The customer space's conversation, reached with the case's secret token (called by the gateway's /espace page).")
            .AllowAnonymous();
        publicApi.MapPost("/spaces/{token}/messages", CustomerSpaceEndpoints.PostAsync)
            .WithName("PostCustomerMessage")
            .WithIdempotency()
            .WithSummary("The customer answers from the customer space; the request becomes unread.")
            .AllowAnonymous();

        var requests = app.MapGroup("/api/requests").WithTags("Requests");
        requests.MapGet("/", RequestsEndpoints.ListAsync)
            .WithName("ListRequests")
            .WithSummary("My organisation's requests, newest first: search (name, email, phone), filter (unread, mine, unassigned), pages.");
        requests.MapPost("/", RequestsEndpoints.CreatePhoneRequestAsync)
            .WithName("CreatePhoneRequest")
            .WithIdempotency()
            .WithSummary("Staff type in a request received by phone: customer, stay, party, first note.");
        requests.MapGet("/{id:guid}", ConversationEndpoints.GetAsync)
            .WithName("GetRequest")
            .WithSummary("A request with its whole conversation: messages, replies, internal notes, emails sent.");
        requests.MapPost("/{id:guid}/messages", ConversationEndpoints.PostAsync)
            .WithName("PostStaffMessage")
            .WithIdempotency()
            .WithSummary("A reply to the customer (emailed with the customer-space link) or an internal note (never shown to the customer).");
        requests.MapGet("/{id:guid}/attachments/{attachmentId:guid}", EmailFilesEndpoints.AttachmentAsync)
            .WithName("GetAttachment")
            .WithSummary("A file attached to a customer's email, as a download.");
        requests.MapGet("/{id:guid}/messages/{messageId:guid}/original", EmailFilesEndpoints.OriginalAsync)
            .WithName("GetOriginalEmail")
            .WithSummary("A customer's email as it arrived (plain text; ?download=true for the .eml file).");
        requests.MapPost("/{id:guid}/customer-space/renew", ConversationEndpoints.RenewCustomerSpaceAsync)
            .WithName("RenewCustomerSpace")
            .WithSummary("Revokes the customer-space link and makes a new one; the next email carries it.");
        requests.MapPut("/{id:guid}/read", RequestsEndpoints.MarkReadAsync)
            .WithName("MarkRequestRead")
            .WithSummary("Marks a request read (opening it does).");
        requests.MapDelete("/{id:guid}/read", RequestsEndpoints.MarkUnreadAsync)
            .WithName("MarkRequestUnread")
            .WithSummary("Marks a request unread again.");
        requests.MapPut("/{id:guid}/assignee", RequestsEndpoints.AssignAsync)
            .WithName("AssignRequest")
            .WithSummary("Assigns a request to a staff member (or to nobody).");
        requests.MapGet("/personal-data", PersonalDataEndpoint.GetAsync)
            .WithName("GetInboxPersonalData")
            .WithSummary("Admins: everything Inbox holds about an email address (requests, conversations, attachments, the mailbox's log), for a GDPR access request.")
            .RequireAuthorization(StaffClaims.AdminRole);

        var websites = app.MapGroup("/api/websites").WithTags("Websites");
        websites.MapGet("/", WebsitesEndpoints.ListAsync)
            .WithName("ListWebsites")
            .WithSummary("The websites allowed to post requests for my organisation, with their site keys.");
        websites.MapPost("/", WebsitesEndpoints.CreateAsync)
            .WithName("CreateWebsite")
            .WithIdempotency()
            .WithSummary("Registers a website (name, allowed origins) and gives it a new site key.")
            .RequireAuthorization(StaffClaims.AdminRole);
        websites.MapPut("/{id:guid}", WebsitesEndpoints.UpdateAsync)
            .WithName("UpdateWebsite")
            .WithSummary("Renames a website, changes its allowed origins, enables or disables it.")
            .RequireAuthorization(StaffClaims.AdminRole);

        var mailbox = app.MapGroup("/api/mailbox").WithTags("Reply mailbox").RequireAuthorization(StaffClaims.AdminRole);
        mailbox.MapGet("/", MailboxEndpoints.GetAsync)
            .WithName("GetMailbox")
            .WithSummary("The reply mailbox's settings (never its password), how its fetch goes, and the last emails taken.");
        mailbox.MapPut("/", MailboxEndpoints.PutAsync)
            .WithName("SaveMailbox")
            .WithSummary("Sets up, changes or switches off the reply mailbox; an empty password keeps the one stored.");
        mailbox.MapPost("/test", MailboxEndpoints.TestAsync)
            .WithName("TestMailbox")
            .WithSummary("Connects to the IMAP server with these settings (the stored password when none is typed) without saving.");

        return app;
    }
}
