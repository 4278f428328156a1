namespace CommercialManagement.Bench;

internal static class Percentiles
{
    /// <summary>The nearest-rank percentile of milliseconds; null when there is nothing to rank.</summary>
    public static double? Of(List<double> values, double percentile)
    {
        if (values.Count == 0)
        {
            return null;
        }

        var sorted = values.Order().ToList();
        var rank = (int)Math.Ceiling(percentile / 100 * sorted.Count) - 1;
        return Math.Round(sorted[Math.Clamp(rank, 0, sorted.Count - 1)], 1);
    }
}
