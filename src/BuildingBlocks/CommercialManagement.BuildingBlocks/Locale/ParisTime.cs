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

    /// <summary>
    /// The moment a Paris wall-clock time happens on <paramref name="day"/> (« J-30 at 9:00 »), in UTC; the skipped hour
    /// when the clock goes forward is read an hour later, the repeated one when it goes back as its first pass.
    /// </summary>
    public static DateTimeOffset At(DateOnly day, TimeOnly time)
    {
        var local = day.ToDateTime(time, DateTimeKind.Unspecified);
        if (Zone.IsInvalidTime(local))
        {
            local = local.AddHours(1);
        }

        var offset = Zone.IsAmbiguousTime(local) ? Zone.GetAmbiguousTimeOffsets(local).Max() : Zone.GetUtcOffset(local);
        return new DateTimeOffset(local, offset).ToUniversalTime();
    }
}
