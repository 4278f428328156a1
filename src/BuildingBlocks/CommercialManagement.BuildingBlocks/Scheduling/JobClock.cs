using System.Globalization;
using Microsoft.Extensions.Configuration;

namespace CommercialManagement.BuildingBlocks.Scheduling;

/// <summary>
/// The time scheduled jobs read to decide what is due: the service's <see cref="TimeProvider"/> (a fake one in tests),
/// moved forward by the offset written in <c>Scheduler:ClockOffsetFile</c> when that setting names a file. Only the
/// system tests set it (the AppHost passes it on when started with it), to follow a dossier over weeks in minutes; the
/// rest of the service (tokens, webhooks, Quartz itself) keeps the real time. Absent or unreadable file: no offset.
/// </summary>
public sealed class JobClock(TimeProvider time, IConfiguration configuration) : TimeProvider
{
    public const string OffsetFileSetting = "Scheduler:ClockOffsetFile";

    public override DateTimeOffset GetUtcNow() => time.GetUtcNow() + Offset();

    public override TimeZoneInfo LocalTimeZone => time.LocalTimeZone;

    private TimeSpan Offset()
    {
        if (configuration[OffsetFileSetting] is not { Length: > 0 } file)
        {
            return TimeSpan.Zero;
        }

        try
        {
            return TimeSpan.TryParse(File.ReadAllText(file).Trim(), CultureInfo.InvariantCulture, out var offset) ? offset : TimeSpan.Zero;
        }
        catch (IOException)
        {
            return TimeSpan.Zero;
        }
    }
}
