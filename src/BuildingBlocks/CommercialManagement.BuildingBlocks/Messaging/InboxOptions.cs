namespace CommercialManagement.BuildingBlocks.Messaging;

public sealed class InboxOptions
{
    public const string Section = "Messaging:Inbox";

    /// <summary>
    /// How long a processed message's id is kept to recognise a redelivery. A redelivery comes back within hours at most
    /// (a publish whose « sent » mark was lost is republished at the relay's next pass; a message moved back from _error
    /// by hand, within days): two weeks leave room for a long weekend of outage and its replays.
    /// </summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(14);
}
