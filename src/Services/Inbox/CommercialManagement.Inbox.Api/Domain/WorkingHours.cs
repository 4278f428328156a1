using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>
/// Office time as the unanswered-request alert counts it (issue 17): Monday to Friday, 9:00 to 18:00 Paris time
/// (9 hours a day), French public holidays excepted (the eight fixed ones, Easter Monday, Ascension and Whit Monday).
/// 24 working hours are thus two days and six hours of office time. The clock changes are Paris's own: a working day
/// is always 9:00 to 18:00 on the wall clock.
/// </summary>
internal static class WorkingHours
{
    public static readonly TimeOnly Opens = new(9, 0);

    public static readonly TimeOnly Closes = new(18, 0);

    /// <summary>The office time between two instants (zero when <paramref name="to"/> is not after <paramref name="from"/>).</summary>
    public static TimeSpan Between(DateTimeOffset from, DateTimeOffset to)
    {
        if (to <= from)
        {
            return TimeSpan.Zero;
        }

        var total = TimeSpan.Zero;
        for (var day = ParisTime.Day(from); day <= ParisTime.Day(to); day = day.AddDays(1))
        {
            if (!IsWorkingDay(day))
            {
                continue;
            }

            var start = Max(ParisTime.At(day, Opens), from);
            var end = Min(ParisTime.At(day, Closes), to);
            if (end > start)
            {
                total += end - start;
            }
        }

        return total;
    }

    /// <summary>A weekday that is not a French public holiday.</summary>
    public static bool IsWorkingDay(DateOnly day) =>
        day.DayOfWeek is not (DayOfWeek.Saturday or DayOfWeek.Sunday) && !IsPublicHoliday(day);

    /// <summary>
    /// The French public holidays (metropolitan): 1 January, 1 and 8 May, 14 July, 15 August, 1 and 11 November,
    /// 25 December, Easter Monday, Ascension Thursday and Whit Monday.
    /// </summary>
    public static bool IsPublicHoliday(DateOnly day)
    {
        if ((day.Month, day.Day) is (1, 1) or (5, 1) or (5, 8) or (7, 14) or (8, 15) or (11, 1) or (11, 11) or (12, 25))
        {
            return true;
        }

        var easter = EasterSunday(day.Year);
        return day == easter.AddDays(1) || day == easter.AddDays(39) || day == easter.AddDays(50);
    }

    /// <summary>Easter Sunday in the Gregorian calendar (the anonymous algorithm, « Meeus/Jones/Butcher »).</summary>
    public static DateOnly EasterSunday(int year)
    {
        var a = year % 19;
        var b = year / 100;
        var c = year % 100;
        var d = b / 4;
        var e = b % 4;
        var f = (b + 8) / 25;
        var g = (b - f + 1) / 3;
        var h = ((19 * a) + b - d - g + 15) % 30;
        var i = c / 4;
        var k = c % 4;
        var l = (32 + (2 * e) + (2 * i) - h - k) % 7;
        var m = (a + (11 * h) + (22 * l)) / 451;
        var month = (h + l - (7 * m) + 114) / 31;
        var dayOfMonth = ((h + l - (7 * m) + 114) % 31) + 1;
        return new DateOnly(year, month, dayOfMonth);
    }

    private static DateTimeOffset Max(DateTimeOffset a, DateTimeOffset b) => a > b ? a : b;

    private static DateTimeOffset Min(DateTimeOffset a, DateTimeOffset b) => a < b ? a : b;
}
