namespace CommercialManagement.Contracts.Inbox;

/// <summary>
/// A customer's message has waited for a staff answer for the organisation's
/// <c>ScheduleSettings.UnansweredAlertWorkingHours</c> working hours (Monday to Friday, 9:00 to 18:00 Paris time):
/// Inbox's « unanswered-requests » job publishes it once per message waiting (issue 17). The gateway rings the
/// assignee's bell, or every admin's when nobody is assigned; Notification emails it when the organisation wants its
/// alerts by email.
/// </summary>
public sealed record RequestUnanswered : IIntegrationEvent
{
    public required Guid OrganisationId { get; init; }

    public required DateTimeOffset OccurredAt { get; init; }

    /// <summary>The case id.</summary>
    public required Guid RequestId { get; init; }

    /// <summary>The customer's oldest unanswered message (the request's own id when it is the request itself).</summary>
    public required Guid MessageId { get; init; }

    public required string CustomerName { get; init; }

    /// <summary>Who the case is assigned to; null: nobody, the organisation's admins are alerted.</summary>
    public Guid? AssigneeId { get; init; }

    /// <summary>When that message was written (UTC).</summary>
    public required DateTimeOffset WaitingSince { get; init; }

    /// <summary>The organisation's threshold, in working hours, that the wait reached.</summary>
    public required int WorkingHours { get; init; }
}
