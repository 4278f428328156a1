namespace CommercialManagement.Payment.Api.Domain;

/// <summary>The money rules of a case's ledger: the deposit asked, the kind of each payment.</summary>
internal static class Ledger
{
    /// <summary>
    /// The organisation's percentage of the total (rounded to the cent, midpoint away from zero), or the whole amount when
    /// arrival is within the balance window; an unknown arrival asks for the percentage.
    /// </summary>
    public static long DepositCents(long totalCents, int depositPercentage, DateOnly? arrival, DateOnly today, int balanceDueDaysBeforeArrival)
    {
        if (arrival is { } date && date.DayNumber - today.DayNumber <= balanceDueDaysBeforeArrival)
        {
            return totalCents;
        }

        return (long)Math.Round(totalCents * Math.Clamp(depositPercentage, 0, 100) / 100m, MidpointRounding.AwayFromZero);
    }

    /// <summary>
    /// A payment that completes the total is the balance, or the whole when it is the only one; the first one short of the
    /// total is the deposit; a later one still short of it is part of the balance.
    /// </summary>
    public static PaymentKind KindOf(long paidBeforeCents, int paymentsBefore, long amountCents, long totalCents)
    {
        if (paidBeforeCents + amountCents >= totalCents)
        {
            return paymentsBefore == 0 ? PaymentKind.Full : PaymentKind.Balance;
        }

        return paymentsBefore == 0 ? PaymentKind.Deposit : PaymentKind.Balance;
    }

    public static string Label(this PaymentMethod method) => method switch
    {
        PaymentMethod.BankTransfer => "Virement",
        PaymentMethod.Cheque => "Chèque",
        PaymentMethod.HolidayVouchers => "Chèques vacances",
        PaymentMethod.Card => "Carte bancaire",
        PaymentMethod.Cash => "Espèces",
        _ => method.ToString(),
    };

    public static string Label(this PaymentKind kind) => kind switch
    {
        PaymentKind.Deposit => "Acompte",
        PaymentKind.Balance => "Solde",
        PaymentKind.Full => "Totalité",
        _ => kind.ToString(),
    };

    /// <summary>A transfer or a cheque is found again by its reference; the others may go without.</summary>
    public static bool NeedsReference(this PaymentMethod method) => method is PaymentMethod.BankTransfer or PaymentMethod.Cheque;
}
