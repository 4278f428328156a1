using CommercialManagement.Inbox.Api.Domain;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>Office time (Monday to Friday, 9:00 to 18:00 Paris time, public holidays off): a pure function, no database.</summary>
public sealed class WorkingHoursTests
{
    private static DateTimeOffset Paris(int year, int month, int day, int hour, int minute = 0) =>
        CommercialManagement.BuildingBlocks.Locale.ParisTime.At(new DateOnly(year, month, day), new TimeOnly(hour, minute));

    [Fact]
    public void WithinOneWorkingDay_CountsTheWallClockTime()
    {
        // Tuesday 1 December 2026.
        Assert.Equal(TimeSpan.FromHours(3.5), WorkingHours.Between(Paris(2026, 12, 1, 10), Paris(2026, 12, 1, 13, 30)));
    }

    [Fact]
    public void BeforeOpeningAndAfterClosing_CountNothing()
    {
        Assert.Equal(TimeSpan.Zero, WorkingHours.Between(Paris(2026, 12, 1, 18, 30), Paris(2026, 12, 2, 8, 59)));
        Assert.Equal(TimeSpan.FromHours(9), WorkingHours.Between(Paris(2026, 12, 1, 7), Paris(2026, 12, 1, 22)));
    }

    [Fact]
    public void AWeekend_CountsNothing()
    {
        // Friday 4 December 17:00 to Monday 7 December 10:00: one hour on Friday, one on Monday.
        Assert.Equal(TimeSpan.FromHours(2), WorkingHours.Between(Paris(2026, 12, 4, 17), Paris(2026, 12, 7, 10)));
        Assert.Equal(TimeSpan.Zero, WorkingHours.Between(Paris(2026, 12, 5, 10), Paris(2026, 12, 6, 17)));
    }

    [Fact]
    public void TwentyFourWorkingHours_AreTwoDaysAndSixHoursOfOfficeTime()
    {
        // A message on Monday 30 November at 9:00 waits 24 working hours on Wednesday 2 December at 15:00.
        var posted = Paris(2026, 11, 30, 9);
        Assert.Equal(TimeSpan.FromHours(24), WorkingHours.Between(posted, Paris(2026, 12, 2, 15)));
        Assert.Equal(TimeSpan.FromHours(23.5), WorkingHours.Between(posted, Paris(2026, 12, 2, 14, 30)));

        // On Friday at 16:00: 2 hours that day, 9 on Monday, 9 on Tuesday, 4 on Wednesday.
        Assert.Equal(TimeSpan.FromHours(24), WorkingHours.Between(Paris(2026, 12, 4, 16), Paris(2026, 12, 9, 13)));
    }

    [Fact]
    public void AcrossTheClockChanges_AWorkingDayStaysNineHours()
    {
        // Spring forward: the night of 28 to 29 March 2026 (Friday 27 to Monday 30).
        Assert.Equal(TimeSpan.FromHours(10), WorkingHours.Between(Paris(2026, 3, 27, 17), Paris(2026, 3, 30, 18)));
        // Fall back: the night of 24 to 25 October 2026 (Friday 23 to Monday 26).
        Assert.Equal(TimeSpan.FromHours(10), WorkingHours.Between(Paris(2026, 10, 23, 17), Paris(2026, 10, 26, 18)));
        // The same days in UTC: the offset moved from +1 to +2 (spring) and from +2 to +1 (autumn).
        Assert.Equal(TimeSpan.FromHours(7), Paris(2026, 3, 30, 9).UtcDateTime.TimeOfDay);
        Assert.Equal(TimeSpan.FromHours(8), Paris(2026, 10, 26, 9).UtcDateTime.TimeOfDay);
    }

    [Fact]
    public void PublicHolidays_CountNothing()
    {
        // Friday 25 December 2026, Christmas; Monday 28 is a working day again.
        Assert.Equal(TimeSpan.FromHours(1), WorkingHours.Between(Paris(2026, 12, 24, 17), Paris(2026, 12, 28, 9)));
        // Easter 2027 is Sunday 28 March: Easter Monday 29, Ascension Thursday 6 May, Whit Monday 17 May are off.
        Assert.Equal(new DateOnly(2027, 3, 28), WorkingHours.EasterSunday(2027));
        Assert.Equal(new DateOnly(2026, 4, 5), WorkingHours.EasterSunday(2026));
        Assert.True(WorkingHours.IsPublicHoliday(new DateOnly(2027, 3, 29)));
        Assert.True(WorkingHours.IsPublicHoliday(new DateOnly(2027, 5, 6)));
        Assert.True(WorkingHours.IsPublicHoliday(new DateOnly(2027, 5, 17)));
        Assert.True(WorkingHours.IsPublicHoliday(new DateOnly(2027, 7, 14)));
        Assert.False(WorkingHours.IsPublicHoliday(new DateOnly(2027, 3, 30)));
        Assert.Equal(TimeSpan.FromHours(9), WorkingHours.Between(Paris(2027, 3, 26, 18), Paris(2027, 3, 30, 18)));
    }

    [Fact]
    public void BackwardsOrEqual_IsZero()
    {
        Assert.Equal(TimeSpan.Zero, WorkingHours.Between(Paris(2026, 12, 1, 12), Paris(2026, 12, 1, 11)));
        Assert.Equal(TimeSpan.Zero, WorkingHours.Between(Paris(2026, 12, 1, 12), Paris(2026, 12, 1, 12)));
    }
}
