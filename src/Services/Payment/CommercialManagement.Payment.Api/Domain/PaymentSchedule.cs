using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>A reminder step of a payment request: its kind (the once-key's), its label (« J-3 ») and the day it goes.</summary>
internal sealed record ReminderStep(string Step, string Label, DateOnly Day, DateOnly DueOn);

/// <summary>
/// The dates of the payment schedule (issue 17), all days in Europe/Paris and every step at 9:00 Paris time:
/// the balance is due <see cref="OrganisationSettings.BalanceDueDaysBeforeArrival"/> days before the arrival (what the quote
/// prints « au plus tard le … »); the automatic balance request leaves <see cref="ScheduleSettings.BalanceRequestDaysBeforeDue"/>
/// days before that; the deposit and the whole (« à l'acceptation ») are due the day their request's link expires. A request
/// is reminded before its due date and after it while unpaid, and once before its link expires, only while its link works
/// (the email carries it) and never on a day before the request was sent. 0 days turns a step off.
/// </summary>
internal static class PaymentSchedule
{
    /// <summary>What automatic requests and reminders show as their author: « Automatique ».</summary>
    public const string Automatic = "Automatique";

    /// <summary>The hour each step of a day goes, Paris time.</summary>
    public static readonly TimeOnly Hour = new(9, 0);

    public const string BeforeDue = "BeforeDue";
    public const string FirstOverdue = "FirstOverdue";
    public const string SecondOverdue = "SecondOverdue";
    public const string LinkExpiry = "LinkExpiry";

    /// <summary>Whether <paramref name="day"/>'s step is due at <paramref name="now"/> (its 9:00 Paris time has come).</summary>
    public static bool Reached(DateOnly day, DateTimeOffset now) => now >= ParisTime.At(day, Hour);

    /// <summary>The balance's due date: <paramref name="balanceDueDaysBeforeArrival"/> days before the arrival; none without an arrival.</summary>
    public static DateOnly? BalanceDueOn(DateOnly? arrival, int balanceDueDaysBeforeArrival) =>
        arrival?.AddDays(-Math.Max(balanceDueDaysBeforeArrival, 0));

    /// <summary>The day the automatic balance request leaves: <paramref name="daysBeforeDue"/> before the due date.</summary>
    public static DateOnly BalanceRequestOn(DateOnly dueOn, int daysBeforeDue) => dueOn.AddDays(-Math.Max(daysBeforeDue, 0));

    /// <summary>Until when the automatic balance request's link works: the arrival (so the overdue reminders carry a working link).</summary>
    public static DateTimeOffset BalanceLinkExpiry(DateOnly arrival) => ParisTime.At(arrival, TimeOnly.MinValue);

    /// <summary>A request's due date: the balance's for a balance request, the day its link expires for the deposit and the whole.</summary>
    public static DateOnly DueOn(PaymentRequest request, DateOnly? balanceDueOn) =>
        request.Kind == PaymentKind.Balance && balanceDueOn is { } due ? due : ParisTime.Day(request.ExpiresAt);

    /// <summary>
    /// The reminder of <paramref name="request"/> due at <paramref name="now"/>, or none: the latest step whose day has come
    /// (a service down for days sends the latest one only), after the request was sent, while the request is payable.
    /// </summary>
    public static ReminderStep? Reminder(PaymentRequest request, DateOnly dueOn, ScheduleSettings settings, DateTimeOffset now)
    {
        if (!settings.PaymentReminders || !request.IsPayableAt(now))
        {
            return null;
        }

        var sent = ParisTime.Day(request.CreatedAt);
        var steps = new List<ReminderStep>();
        if (settings.ReminderDaysBeforeDue > 0)
        {
            steps.Add(new(BeforeDue, $"J-{settings.ReminderDaysBeforeDue}", dueOn.AddDays(-settings.ReminderDaysBeforeDue), dueOn));
        }

        if (settings.FirstOverdueReminderDays > 0)
        {
            steps.Add(new(FirstOverdue, $"J+{settings.FirstOverdueReminderDays}", dueOn.AddDays(settings.FirstOverdueReminderDays), dueOn));
        }

        if (settings.SecondOverdueReminderDays > 0)
        {
            steps.Add(new(SecondOverdue, $"J+{settings.SecondOverdueReminderDays}", dueOn.AddDays(settings.SecondOverdueReminderDays), dueOn));
        }

        var latest = steps.Where(s => Reached(s.Day, now)).OrderBy(s => s.Day).LastOrDefault();
        if (latest is null || latest.Day <= sent)
        {
            return null;
        }

        // The reminder before the date goes only before it: on the due day and after, the overdue ones take over.
        return latest.Step == BeforeDue && ParisTime.Day(now) >= dueOn ? null : latest;
    }

    /// <summary>The reminder before <paramref name="request"/>'s link expires, or none (off, not yet, too late, or sent the day of the request).</summary>
    public static ReminderStep? LinkReminder(PaymentRequest request, ScheduleSettings settings, DateTimeOffset now)
    {
        var days = settings.PaymentLinkReminderDaysBeforeExpiry;
        if (!settings.PaymentLinkReminder || days <= 0 || !request.IsPayableAt(now))
        {
            return null;
        }

        var expiresOn = ParisTime.Day(request.ExpiresAt);
        var day = expiresOn.AddDays(-days);
        return Reached(day, now) && day > ParisTime.Day(request.CreatedAt) ? new(LinkExpiry, $"J-{days}", day, expiresOn) : null;
    }

    /// <summary>
    /// The day from which the balance counts as overdue: the day after its due date, or, for a case accepted after that
    /// date (the whole asked at acceptance), the day after its request's validity from the acceptance.
    /// </summary>
    public static DateOnly? OverdueFrom(PaymentCase account, DateOnly? balanceDueOn, TimeSpan requestValidity)
    {
        if (balanceDueOn is not { } due || account.AcceptedAt is not { } accepted)
        {
            return null;
        }

        var acceptedOn = ParisTime.Day(accepted);
        var effective = acceptedOn >= due ? ParisTime.Day(accepted + requestValidity) : due;
        return effective.AddDays(1);
    }

    /// <summary>The once-key of a reminder: « balance-reminder-BeforeDue ».</summary>
    public static string OnceKind(PaymentKind kind, string step) => $"{kind.ToString().ToLowerInvariant()}-reminder-{step}";
}
