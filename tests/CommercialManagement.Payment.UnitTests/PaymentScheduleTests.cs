using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>The payment schedule's dates (issue 17): 9:00 Paris time in winter and summer, the step that is due, the days that turn steps off.</summary>
public sealed class PaymentScheduleTests
{
    private static readonly DateOnly Due = new(2027, 1, 7);
    private static readonly ScheduleSettings Defaults = new();

    [Theory]
    [InlineData(2027, 1, 7, 8)]   // winter: UTC+1
    [InlineData(2027, 7, 7, 7)]   // summer: UTC+2
    public void AStep_IsDueAtNineParisTime(int year, int month, int day, int utcHour)
    {
        var date = new DateOnly(year, month, day);
        var nine = new DateTimeOffset(year, month, day, utcHour, 0, 0, TimeSpan.Zero);

        Assert.False(PaymentSchedule.Reached(date, nine.AddTicks(-1)));
        Assert.True(PaymentSchedule.Reached(date, nine));
    }

    [Fact]
    public void BalanceDates_DueThirtyDaysBeforeArrival_AskedSevenBefore_LinkUntilTheArrival()
    {
        var arrival = new DateOnly(2027, 2, 6);
        var due = PaymentSchedule.BalanceDueOn(arrival, 30)!.Value;

        Assert.Equal((new DateOnly(2027, 1, 7), new DateOnly(2026, 12, 31)), (due, PaymentSchedule.BalanceRequestOn(due, 7)));
        Assert.Equal(new DateTimeOffset(2027, 2, 5, 23, 0, 0, TimeSpan.Zero), PaymentSchedule.BalanceLinkExpiry(arrival));
        Assert.Null(PaymentSchedule.BalanceDueOn(null, 30));
    }

    [Fact]
    public void Reminder_TheLatestStepReached_BeforeDueOnlyBeforeTheDate()
    {
        var request = Balance(sentOn: new DateOnly(2026, 12, 31));

        Assert.Null(PaymentSchedule.Reminder(request, Due, Defaults, At(Due.AddDays(-4))));
        Assert.Equal(("BeforeDue", "J-3"), Step(PaymentSchedule.Reminder(request, Due, Defaults, At(Due.AddDays(-3)))));
        Assert.Null(PaymentSchedule.Reminder(request, Due, Defaults, At(Due)));
        Assert.Equal(("FirstOverdue", "J+1"), Step(PaymentSchedule.Reminder(request, Due, Defaults, At(Due.AddDays(1)))));
        Assert.Equal(("FirstOverdue", "J+1"), Step(PaymentSchedule.Reminder(request, Due, Defaults, At(Due.AddDays(6)))));
        // A service down on J+7 sends the J+7 on its return, never the J+1 it missed before it.
        Assert.Equal(("SecondOverdue", "J+7"), Step(PaymentSchedule.Reminder(request, Due, Defaults, At(Due.AddDays(9)))));
    }

    [Fact]
    public void Reminder_NeverForAStepBeforeTheRequestWasSent_NorWhenOff_NorOnceTheLinkDied()
    {
        var late = Balance(sentOn: Due.AddDays(-2));
        Assert.Null(PaymentSchedule.Reminder(late, Due, Defaults, At(Due.AddDays(-1))));
        Assert.Equal("FirstOverdue", PaymentSchedule.Reminder(late, Due, Defaults, At(Due.AddDays(1)))!.Step);

        var request = Balance(sentOn: new DateOnly(2026, 12, 31));
        Assert.Null(PaymentSchedule.Reminder(request, Due, Defaults with { PaymentReminders = false }, At(Due.AddDays(-3))));
        Assert.Null(PaymentSchedule.Reminder(request, Due, Defaults with { ReminderDaysBeforeDue = 0 }, At(Due.AddDays(-3))));
        Assert.Equal("FirstOverdue", PaymentSchedule.Reminder(request, Due, Defaults with { SecondOverdueReminderDays = 0 }, At(Due.AddDays(9)))!.Step);

        var shortLived = Balance(sentOn: new DateOnly(2026, 12, 31), validity: TimeSpan.FromDays(7));
        Assert.Null(PaymentSchedule.Reminder(shortLived, Due, Defaults, At(Due.AddDays(1))));
    }

    [Fact]
    public void LinkReminder_TwoDaysBeforeItExpires_WhilePayable()
    {
        var request = Balance(sentOn: new DateOnly(2026, 12, 1), validity: TimeSpan.FromDays(7));
        var expiresOn = ParisTime.Day(request.ExpiresAt);

        Assert.Null(PaymentSchedule.LinkReminder(request, Defaults, At(expiresOn.AddDays(-3))));
        var step = PaymentSchedule.LinkReminder(request, Defaults, At(expiresOn.AddDays(-2)))!;
        Assert.Equal(("LinkExpiry", "J-2", expiresOn), (step.Step, step.Label, step.DueOn));
        Assert.Null(PaymentSchedule.LinkReminder(request, Defaults with { PaymentLinkReminder = false }, At(expiresOn.AddDays(-2))));
        Assert.Null(PaymentSchedule.LinkReminder(request, Defaults, At(expiresOn.AddDays(1))));
    }

    [Fact]
    public void OverdueFrom_TheDayAfterTheDueDate_OrAfterTheWholeAskedAtALateAcceptance()
    {
        Assert.Equal(Due.AddDays(1), PaymentSchedule.OverdueFrom(Case(acceptedOn: new DateOnly(2026, 10, 1)), Due, TimeSpan.FromDays(7)));
        Assert.Equal(Due.AddDays(11), PaymentSchedule.OverdueFrom(Case(acceptedOn: Due.AddDays(3)), Due, TimeSpan.FromDays(7)));
        Assert.Null(PaymentSchedule.OverdueFrom(Case(acceptedOn: Due), null, TimeSpan.FromDays(7)));
    }

    private static DateTimeOffset At(DateOnly day) => ParisTime.At(day, new TimeOnly(9, 0));

    private static (string, string) Step(ReminderStep? step) => (step!.Step, step.Label);

    private static PaymentRequest Balance(DateOnly sentOn, TimeSpan? validity = null)
    {
        var sent = ParisTime.At(sentOn, new TimeOnly(9, 0));
        return PaymentRequest.Create(Case(sentOn.AddDays(-60)), PaymentKind.Balance, 70_000, PaymentSchedule.Automatic, sent,
            validity ?? PaymentSchedule.BalanceLinkExpiry(new DateOnly(2027, 2, 6)) - sent);
    }

    private static PaymentCase Case(DateOnly acceptedOn)
    {
        var account = PaymentCase.Open(Guid.NewGuid(), Guid.NewGuid());
        account.Accept(new QuoteAccepted
        {
            OrganisationId = account.OrganisationId, OccurredAt = ParisTime.At(acceptedOn, new TimeOnly(11, 0)), RequestId = account.Id, QuoteId = Guid.NewGuid(),
            Number = "DEV-2026-00042", TotalCents = 100_000, AcceptedBy = "Customer", Version = 1,
        });
        return account;
    }
}
