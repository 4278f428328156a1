namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>Section « Retention »: how often each process deletes the rows its tables no longer need, and how many per statement.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>About how often a pass runs (each wait drawn between 90 % and 110 % of it, the first one at random within it).</summary>
    public TimeSpan Interval { get; set; } = TimeSpan.FromHours(1);

    /// <summary>How many rows one DELETE takes: short transactions, short locks, whatever the backlog.</summary>
    public int BatchSize { get; set; } = 1000;
}
