using System.Buffers.Text;
using System.Security.Cryptography;
using CommercialManagement.BuildingBlocks.Tenancy;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.PersonalData;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>What a website form or a phone call brings in; its id is the case id for the whole life of the case.</summary>
internal sealed class Request : ITenantOwned
{
    private Request()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid? WebsiteId { get; private set; }

    public RequestChannel Channel { get; private set; }

    public string CustomerName { get; private set; } = "";

    public string CustomerEmail { get; private set; } = "";

    public string? CustomerPhone { get; private set; }

    public DateOnly? Arrival { get; private set; }

    public DateOnly? Departure { get; private set; }

    public int Adults { get; private set; }

    public List<int> ChildrenAges { get; private set; } = [];

    public string? Message { get; private set; }

    public bool Consent { get; private set; }

    /// <summary>The words of the consent checkbox the customer ticked, in the form's language (issue 19); null by phone or email, and before.</summary>
    public string? ConsentText { get; private set; }

    /// <summary>When the customer gave it: the form's submission.</summary>
    public DateTimeOffset? ConsentAt { get; private set; }

    public string Language { get; private set; } = "fr";

    public DateTimeOffset ReceivedAt { get; private set; }

    /// <summary>The longest preview of the last message « Demandes » shows.</summary>
    public const int PreviewLength = 160;

    /// <summary>When someone last wrote in it (the request itself, the customer, staff, a note): « Demandes » shows the latest first.</summary>
    public DateTimeOffset LastActivityAt { get; private set; }

    /// <summary>The start of what was last written, with who wrote it when it was staff, for the list.</summary>
    public string? LastMessagePreview { get; private set; }

    /// <summary>Something from the customer that no staff member has read yet.</summary>
    public bool Unread { get; private set; }

    public Guid? AssigneeId { get; private set; }

    public string? AssigneeName { get; private set; }

    /// <summary>
    /// The secret part of the customer space's address: 256 random bits, base64url. Renewing it revokes the old link
    /// at once; the next email carries the new one.
    /// </summary>
    public string CustomerSpaceToken { get; private set; } = NewToken();

    /// <summary>When staff last changed the stay on the dossier; an older change arriving late is ignored.</summary>
    public DateTimeOffset? StayChangedAt { get; private set; }

    /// <summary>
    /// When the customer's oldest message that staff have not answered yet was written (the request itself included);
    /// null while nothing waits. A staff reply (not a note) or the dossier archived stops the clock (issue 17).
    /// </summary>
    public DateTimeOffset? AwaitingReplySince { get; private set; }

    /// <summary>That message (the request's own id for the request itself): the unanswered alert is raised once for it.</summary>
    public Guid? AwaitingMessageId { get; private set; }

    /// <summary>When the unanswered alert went out for the message waiting; null while it has not.</summary>
    public DateTimeOffset? UnansweredAlertedAt { get; private set; }

    /// <summary>
    /// The secret tag of the address customers reply to (<c>reponses+{token}@…</c>, <see cref="ReplyAddress"/>): 160
    /// random bits in lowercase base32, so that a reply lands in this conversation and nobody can guess another's (issue 18).
    /// </summary>
    public string ReplyToken { get; private set; } = NewReplyToken();

    /// <summary>The customer's address as the last delivery failure report named it; null while their email works.</summary>
    public string? FailingEmail { get; private set; }

    /// <summary>What the customer's mail server said when it refused our email, for staff.</summary>
    public string? FailingEmailReason { get; private set; }

    public DateTimeOffset? FailingEmailAt { get; private set; }

    /// <summary>Its dossier is archived (lost, cancelled, done): an email from the customer's address alone no longer joins it.</summary>
    public bool Archived { get; private set; }

    /// <summary>
    /// Whether the case became a dossier (a quote was started), as Dossier said (issue 19): null while Dossier has said
    /// nothing (requests older than this rule are never erased by the retention), false while it is still a request, true
    /// once it became one (never back). Set from Dossier's events only, by conditional statements (DossierChangedConsumer).
    /// </summary>
    public bool? BecameDossier { get; private set; }

    public void RenewCustomerSpaceToken() => CustomerSpaceToken = NewToken();

    /// <summary>True once <see cref="Erase"/> has left nothing of the customer in the request.</summary>
    public bool Erased => CustomerName == ErasedCustomer.Name && CustomerEmail == ErasedCustomer.Email && CustomerPhone is null && Message is null;

    /// <summary>
    /// The customer was erased (issue 19): the request keeps its stay and dates (no one's), loses the customer's name,
    /// address, phone and words, and both its secrets change, so the customer-space link and the reply address die with
    /// them. False when there was nothing left to erase (a second erasure).
    /// </summary>
    public bool Erase()
    {
        if (Erased)
        {
            return false;
        }

        (CustomerName, CustomerEmail, CustomerPhone, Message, LastMessagePreview) = (ErasedCustomer.Name, ErasedCustomer.Email, null, null, null);
        (FailingEmail, FailingEmailReason, FailingEmailAt) = (null, null, null);
        CustomerSpaceToken = NewToken();
        ReplyToken = NewReplyToken();
        return true;
    }

    /// <summary>The dossier's status as Dossier last published it: archived, or back in play.</summary>
    public void DossierArchived(bool archived) => Archived = archived;

    /// <summary>A delivery failure report said our email to the customer could not be delivered: staff see it on the request.</summary>
    public void EmailFailed(string address, string reason, DateTimeOffset at) =>
        (FailingEmail, FailingEmailReason, FailingEmailAt) = (address, reason.Length > 500 ? reason[..500] : reason, at);

    /// <summary>The customer wrote to us from their address: it works again.</summary>
    public void EmailWorks(string address)
    {
        if (FailingEmail is not null && string.Equals(FailingEmail, address, StringComparison.OrdinalIgnoreCase))
        {
            (FailingEmail, FailingEmailReason, FailingEmailAt) = (null, null, null);
        }
    }

    /// <summary>The customer wrote: the clock starts with this message unless an earlier one already waits.</summary>
    public void CustomerWrote(Guid messageId, DateTimeOffset at)
    {
        if (AwaitingReplySince is not null)
        {
            return;
        }

        (AwaitingReplySince, AwaitingMessageId, UnansweredAlertedAt) = (at, messageId, null);
    }

    /// <summary>Staff answered the customer, or the case was closed: nothing waits any more.</summary>
    public void StopAwaitingReply() => (AwaitingReplySince, AwaitingMessageId, UnansweredAlertedAt) = (null, null, null);

    /// <summary>The unanswered alert for the message waiting went out.</summary>
    public void UnansweredAlerted(DateTimeOffset at) => UnansweredAlertedAt = at;

    /// <summary>What the unanswered-requests job publishes when the customer has waited too long.</summary>
    public RequestUnanswered ToUnansweredEvent(int workingHours, DateTimeOffset at) => new()
    {
        OrganisationId = OrganisationId,
        OccurredAt = at,
        RequestId = Id,
        MessageId = AwaitingMessageId ?? Id,
        CustomerName = CustomerName,
        AssigneeId = AssigneeId,
        WaitingSince = AwaitingReplySince ?? at,
        WorkingHours = workingHours,
    };

    /// <summary>The stay as the dossier now has it. Latest wins: false when this change is older than the one kept.</summary>
    public bool ChangeStay(Stay stay, DateTimeOffset changedAt)
    {
        if (StayChangedAt is { } kept && kept >= changedAt)
        {
            return false;
        }

        (Arrival, Departure, Adults, ChildrenAges, StayChangedAt) = (stay.Arrival, stay.Departure, stay.Adults, [.. stay.ChildrenAges], changedAt);
        return true;
    }

    /// <summary>Someone wrote in the conversation: it moves to the top of « Demandes » with its first words.</summary>
    public void Wrote(string? author, string body, DateTimeOffset at)
    {
        if (at < LastActivityAt)
        {
            return;
        }

        LastActivityAt = at;
        LastMessagePreview = Preview(author is null ? body : $"{author} : {body}");
    }

    /// <summary>One line of at most <see cref="PreviewLength"/> characters, cut at a word with « … ».</summary>
    public static string? Preview(string? text)
    {
        if (string.IsNullOrWhiteSpace(text))
        {
            return null;
        }

        var line = string.Join(' ', text.Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));
        if (line.Length <= PreviewLength)
        {
            return line;
        }

        var cut = line.LastIndexOf(' ', PreviewLength - 1);
        return string.Concat(line.AsSpan(0, cut > PreviewLength / 2 ? cut : PreviewLength - 1), "…");
    }

    public void MarkRead() => Unread = false;

    public void MarkUnread() => Unread = true;

    public void AssignTo(Guid? assigneeId, string? assigneeName)
    {
        AssigneeId = assigneeId;
        AssigneeName = assigneeId is null ? null : assigneeName;
    }

    public static Request FromWebsite(Website website, Customer customer, Stay stay, string? message, bool consent, string language, DateTimeOffset now, Guid? id = null)
    {
        var requestId = id ?? Guid.CreateVersion7(now);
        return NewFromWebsite(website, customer, stay, message, consent, language, now, requestId);
    }

    private static Request NewFromWebsite(Website website, Customer customer, Stay stay, string? message, bool consent, string language, DateTimeOffset now, Guid id) => new()
    {
        Id = id,
        OrganisationId = website.OrganisationId,
        WebsiteId = website.Id,
        Channel = RequestChannel.WebForm,
        CustomerName = customer.Name,
        CustomerEmail = customer.Email,
        CustomerPhone = customer.Phone,
        Arrival = stay.Arrival,
        Departure = stay.Departure,
        Adults = stay.Adults,
        ChildrenAges = [.. stay.ChildrenAges],
        Message = message,
        Consent = consent,
        ConsentText = consent ? Features.SubmitRequest.ConsentTexts.For(language) : null,
        ConsentAt = consent ? now : null,
        Language = language,
        ReceivedAt = now,
        LastActivityAt = now,
        LastMessagePreview = Preview(message),
        Unread = true,
        AwaitingReplySince = now,
        AwaitingMessageId = id,
    };

    /// <summary>A request typed in by staff after a phone call: theirs, and already read.</summary>
    public static Request FromPhone(Guid organisationId, Customer customer, Stay stay, Guid staffId, string staffName, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Channel = RequestChannel.Phone,
        CustomerName = customer.Name,
        CustomerEmail = customer.Email,
        CustomerPhone = customer.Phone,
        Arrival = stay.Arrival,
        Departure = stay.Departure,
        Adults = stay.Adults,
        ChildrenAges = [.. stay.ChildrenAges],
        Consent = true,
        Language = "fr",
        ReceivedAt = now,
        LastActivityAt = now,
        Unread = false,
        AssigneeId = staffId,
        AssigneeName = staffName,
    };

    /// <summary>
    /// An email to the organisation's reply address that belongs to no conversation (issue 18): a new request from its
    /// sender, unread, waiting for an answer; its text is the conversation's first message (with its attachments).
    /// </summary>
    public static Request FromEmail(Guid organisationId, string customerName, string customerEmail, string language, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now),
        OrganisationId = organisationId,
        Channel = RequestChannel.Email,
        CustomerName = customerName,
        CustomerEmail = customerEmail,
        Consent = false,
        Language = language,
        ReceivedAt = now,
        LastActivityAt = now,
        Unread = true,
    };

    /// <summary>The customer wrote (from the space or by email): the request is unread again, the assignee alerted.</summary>
    public CustomerMessagePosted ToCustomerMessagePostedEvent(Guid messageId, DateTimeOffset at) => new()
    {
        OrganisationId = OrganisationId,
        OccurredAt = at,
        RequestId = Id,
        MessageId = messageId,
        CustomerName = CustomerName,
        AssigneeId = AssigneeId,
    };

    /// <summary>Who follows the request now (nobody when unassigned): Dossier shows the same person on the card.</summary>
    public RequestAssigned ToAssignedEvent(DateTimeOffset at) => new()
    {
        OrganisationId = OrganisationId,
        OccurredAt = at,
        RequestId = Id,
        AssigneeId = AssigneeId,
        AssigneeName = AssigneeName,
    };

    public RequestReceived ToReceivedEvent() => new()
    {
        OrganisationId = OrganisationId,
        OccurredAt = ReceivedAt,
        RequestId = Id,
        Channel = Channel,
        CustomerName = CustomerName,
        CustomerEmail = CustomerEmail,
        CustomerPhone = CustomerPhone,
        Arrival = Arrival,
        Departure = Departure,
        Adults = Adults,
        ChildrenAges = ChildrenAges,
        Language = Language,
        CustomerSpaceToken = CustomerSpaceToken,
        ReplyToken = ReplyToken,
    };

    /// <summary>20 random bytes in RFC 4648 base32, lowercase: the 32 characters of <see cref="ReplyAddress.TokenLength"/>.</summary>
    public static string NewReplyToken()
    {
        const string alphabet = "abcdefghijklmnopqrstuvwxyz234567";
        Span<byte> bytes = stackalloc byte[20];
        RandomNumberGenerator.Fill(bytes);
        var token = new char[ReplyAddress.TokenLength];
        for (var i = 0; i < token.Length; i++)
        {
            // Bits 5i … 5i+4 of the 160.
            var bit = i * 5;
            var value = (bytes[bit / 8] << 8 | (bit / 8 + 1 < bytes.Length ? bytes[bit / 8 + 1] : 0)) >> (11 - bit % 8) & 31;
            token[i] = alphabet[value];
        }

        return new string(token);
    }

    private static string NewToken() => Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(32));
}

internal sealed record Customer(string Name, string Email, string? Phone);

internal sealed record Stay(DateOnly? Arrival, DateOnly? Departure, int Adults, IReadOnlyList<int> ChildrenAges);
