namespace CommercialManagement.BuildingBlocks.Locale;

/// <summary>
/// Time as people in the resort see it (Europe/Paris), whatever the server's clock zone: the day a stay starts, a
/// quote expires or a cheque was received is this day, not UTC's.
/// </summary>
public static class ParisTime
{
    public static readonly TimeZoneInfo Zone = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    /// <summary>The same moment on a clock in Paris.</summary>
    public static DateTimeOffset Of(DateTimeOffset moment) => TimeZoneInfo.ConvertTime(moment, Zone);

    /// <summary>The day it is in Paris at <paramref name="moment"/>.</summary>
    public static DateOnly Day(DateTimeOffset moment) => DateOnly.FromDateTime(Of(moment).DateTime);

    /// <summary>Today in Paris.</summary>
    public static DateOnly Today(TimeProvider time) => Day(time.GetUtcNow());
}
