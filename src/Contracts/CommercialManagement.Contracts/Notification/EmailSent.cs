namespace CommercialManagement.Contracts.Notification;

/// <summary>An email left for the customer (or staff): the dossier's history shows it.</summary>
public sealed record EmailSent : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid EmailId { get; init; }

    /// <summary>The case it is about, when there is one.</summary>
    public Guid? CaseId { get; init; }

    /// <summary>What it was: RequestAcknowledgement, StaffReply, …</summary>
    public required string Kind { get; init; }

    /// <summary>The item it carried, when there is one: the conversation message of a staff reply.</summary>
    public Guid? RegardingId { get; init; }

    public required string Subject { get; init; }

    public required int Attempts { get; init; }

    /// <summary>
    /// The Message-ID header it left with (without angle brackets): a customer's reply names it in In-Reply-To or
    /// References, which is how Inbox finds the conversation when the reply address lost its tag. Optional: events
    /// written before replies by email existed have none.
    /// </summary>
    public string? InternetMessageId { get; init; }
}

/// <summary>An email that could not be delivered and will not be retried, with the reason.</summary>
public sealed record EmailFailed : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    public required Guid EmailId { get; init; }

    public Guid? CaseId { get; init; }

    public required string Kind { get; init; }

    public Guid? RegardingId { get; init; }

    public required string Subject { get; init; }

    public required int Attempts { get; init; }

    public required string Reason { get; init; }
}
