namespace CommercialManagement.BuildingBlocks.Messaging;

public sealed class OutboxOptions
{
    public const string Section = "Messaging:Outbox";

    /// <summary>How often the relay looks for pending rows when nothing wakes it.</summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>How many due rows one pass takes and publishes concurrently (a case's rows stay in order).</summary>
    public int BatchSize { get; set; } = 500;

    /// <summary>How long one publish may wait for the broker's confirm before the row is retried later.</summary>
    public TimeSpan PublishTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// How long a pass holds the rows it claimed: no publish starts later than this less <see cref="PublishTimeout"/>; rows
    /// of a relay that died are due again once it lapses.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(1);

    /// <summary>How long sent rows are kept (for diagnosis) before the <c>RetentionPruner</c> deletes them.</summary>
    public TimeSpan Retention { get; set; } = TimeSpan.FromDays(7);
}
