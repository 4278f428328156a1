namespace CommercialManagement.Quote.Api.Domain.Pricing;

/// <summary>
/// What the customer pays and when: the deposit (the organisation's percentage of the total, or the whole amount when
/// arrival is within the balance window) and the balance, due that many days before arrival.
/// </summary>
internal sealed record PaymentSchedule(long DepositCents, long BalanceCents, DateOnly? BalanceDueDate, bool WholeAmountNow)
{
    public static PaymentSchedule Of(long totalCents, DateOnly? arrival, DateOnly today, int depositPercentage, int balanceDueDaysBeforeArrival)
    {
        if (arrival is not { } date || date.DayNumber - today.DayNumber <= balanceDueDaysBeforeArrival)
        {
            return new PaymentSchedule(totalCents, 0, null, true);
        }

        var deposit = Money.Percent(totalCents, depositPercentage);
        return new PaymentSchedule(deposit, totalCents - deposit, date.AddDays(-balanceDueDaysBeforeArrival), false);
    }

    /// <summary>The last day the quote can be accepted: today + the validity, never after arrival.</summary>
    public static DateOnly ValidUntil(DateOnly today, int validityDays, DateOnly? arrival)
    {
        var until = today.AddDays(Math.Max(validityDays, 0));
        return arrival is { } date && date < until ? date : until;
    }
}
