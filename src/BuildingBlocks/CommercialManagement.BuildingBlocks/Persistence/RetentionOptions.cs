namespace CommercialManagement.BuildingBlocks.Persistence;

/// <summary>Section « Retention »: how often each process deletes the rows its tables no longer need, and how many per statement.</summary>
public sealed class RetentionOptions
{
    public const string Section = "Retention";

    /// <summary>Every hour, at minute 17 (Paris time; off the hour, when other jobs start).</summary>
    public const string DefaultCron = "0 17 * * * ?";

    /// <summary>When the housekeeping job runs, as a Quartz cron (seconds first); <see cref="DefaultCron"/> unless set.</summary>
    public string Cron { get; set; } = DefaultCron;

    /// <summary>How many rows one DELETE takes: short transactions, short locks, whatever the backlog.</summary>
    public int BatchSize { get; set; } = 1000;
}
