namespace CommercialManagement.Contracts.Identity;

/// <summary>
/// One row of an organisation's cancellation terms: a cancellation at least <see cref="MinDaysBeforeArrival"/> days before
/// the arrival retains <see cref="RetainedPercent"/> % of the accepted total, or the deposit when it is null. The rows
/// are read from the most days down; the first the cancellation reaches applies (issue 16).
/// </summary>
public sealed record CancellationTier
{
    public required int MinDaysBeforeArrival { get; init; }

    /// <summary>0–100; null: the deposit (the organisation's deposit percentage of the accepted total).</summary>
    public int? RetainedPercent { get; init; }
}
