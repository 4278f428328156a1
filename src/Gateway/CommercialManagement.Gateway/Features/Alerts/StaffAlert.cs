namespace CommercialManagement.Gateway.Features.Alerts;

internal enum AlertKind
{
    /// <summary>The customer wrote from the customer space.</summary>
    CustomerReplied,

    /// <summary>The customer accepted the quote online.</summary>
    QuoteAccepted,

    /// <summary>The customer paid online.</summary>
    PaymentReceived,

    /// <summary>A customer's message waited for an answer longer than the organisation allows (issue 17).</summary>
    Unanswered,
}

/// <summary>
/// Something a customer did that staff must not have to look for: for the request's assignee, or for everyone of the
/// organisation while nobody is assigned. Read once opened (by its recipient, or by anyone for an unassigned one;
/// <see cref="StaffAlerts"/>).
/// </summary>
internal sealed class StaffAlert
{
    public const int MaxTextLength = 300;

    private StaffAlert()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid RequestId { get; private set; }

    /// <summary>The assignee it is for; null: the whole organisation (the request had nobody).</summary>
    public Guid? RecipientId { get; private set; }

    public AlertKind Kind { get; private set; }

    public string Text { get; private set; } = "";

    public DateTimeOffset OccurredAt { get; private set; }

    public DateTimeOffset? ReadAt { get; private set; }

    public static StaffAlert For(Guid organisationId, Guid requestId, Guid? recipientId, AlertKind kind, string text, DateTimeOffset occurredAt) => new()
    {
        Id = Guid.CreateVersion7(occurredAt),
        OrganisationId = organisationId,
        RequestId = requestId,
        RecipientId = recipientId,
        Kind = kind,
        Text = text.Length > MaxTextLength ? string.Concat(text.AsSpan(0, MaxTextLength - 1), "…") : text,
        OccurredAt = occurredAt,
    };
}

/// <summary>What alerts need to know of a request: whose it is and the customer's name, from the Inbox's events.</summary>
internal sealed class AlertCase
{
    private AlertCase()
    {
    }

    public Guid RequestId { get; private set; }

    public Guid OrganisationId { get; private set; }

    public string CustomerName { get; private set; } = "";

    public Guid? AssigneeId { get; private set; }

    /// <summary>When the assignment kept was made: an older one arriving late changes nothing.</summary>
    public DateTimeOffset? AssignedAt { get; private set; }

    /// <summary>
    /// PostgreSQL's row version (xmin): an assignment and a customer's answer handled at once cannot both write from
    /// the same read; the second fails, is retried, and reads the first.
    /// </summary>
    public uint Version { get; private set; }

    public static AlertCase Of(Guid organisationId, Guid requestId) => new() { OrganisationId = organisationId, RequestId = requestId };

    public void Named(string customerName) => CustomerName = customerName;

    public void AssignTo(Guid? assigneeId, DateTimeOffset at)
    {
        if (AssignedAt is { } kept && kept >= at)
        {
            return;
        }

        (AssigneeId, AssignedAt) = (assigneeId, at);
    }
}
