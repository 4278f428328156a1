namespace CommercialManagement.Contracts.Identity;

/// <summary>
/// What the organisation lets time do (issue 17, « Échéances et relances » in Paramètres): the jobs of each service's
/// scheduler read them from their copy of <see cref="OrganisationChanged"/>. Days are counted in Europe/Paris; a
/// reminder « J-3 » goes at 9:00 Paris time on the third day before its date. A day count of 0 turns that step off.
/// The defaults are the ones an organisation that never saved the settings follows (and events written before them).
/// </summary>
public sealed record ScheduleSettings
{
    /// <summary>The balance request is created and emailed by itself, <see cref="BalanceRequestDaysBeforeDue"/> before the balance is due.</summary>
    public bool AutomaticBalanceRequest { get; init; } = true;

    /// <summary>
    /// How many days before the balance's due date (<see cref="OrganisationChanged.BalanceDueDaysBeforeArrival"/> before the
    /// arrival) the request leaves: with the defaults, on the 37th day before the arrival for a balance due on the 30th.
    /// </summary>
    public int BalanceRequestDaysBeforeDue { get; init; } = 7;

    /// <summary>The customer is reminded of a payment due: before the date, then after it while it is unpaid.</summary>
    public bool PaymentReminders { get; init; } = true;

    /// <summary>Reminder before the due date: J-3 by default.</summary>
    public int ReminderDaysBeforeDue { get; init; } = 3;

    /// <summary>First reminder of an overdue payment: J+1 by default.</summary>
    public int FirstOverdueReminderDays { get; init; } = 1;

    /// <summary>Second reminder of an overdue payment: J+7 by default.</summary>
    public int SecondOverdueReminderDays { get; init; } = 7;

    /// <summary>The customer who has not opened nor answered a sent quote gets a follow-up before it expires.</summary>
    public bool QuoteFollowUp { get; init; } = true;

    /// <summary>The follow-up's day: J-2 before the quote's last valid day by default.</summary>
    public int QuoteFollowUpDaysBeforeExpiry { get; init; } = 2;

    /// <summary>The customer is told when a quote expired, and how to ask again.</summary>
    public bool QuoteExpiredEmail { get; init; } = true;

    /// <summary>A draft never sent gives back the places it holds after this many days (7 by default).</summary>
    public int DraftHoldDays { get; init; } = 7;

    /// <summary>
    /// A customer message unanswered for this many working hours (Monday to Friday, 9:00 to 18:00 Paris time) alerts the
    /// assignee, or the admins when nobody is assigned; 24 by default (three working days).
    /// </summary>
    public int UnansweredAlertWorkingHours { get; init; } = 24;

    /// <summary>The customer is reminded once before a payment link expires.</summary>
    public bool PaymentLinkReminder { get; init; } = true;

    /// <summary>That reminder's day: J-2 before the link's expiry by default.</summary>
    public int PaymentLinkReminderDaysBeforeExpiry { get; init; } = 2;

    /// <summary>The settings' rules, in French; empty when they hold.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Within(BalanceRequestDaysBeforeDue, 0, 90, "La demande de solde part entre 0 et 90 jours avant l'échéance.");
        Within(ReminderDaysBeforeDue, 0, 30, "La relance avant l'échéance se fait entre 0 et 30 jours avant.");
        Within(FirstOverdueReminderDays, 0, 60, "La première relance après l'échéance se fait entre 0 et 60 jours après.");
        Within(SecondOverdueReminderDays, 0, 90, "La seconde relance après l'échéance se fait entre 0 et 90 jours après.");
        if (FirstOverdueReminderDays > 0 && SecondOverdueReminderDays > 0 && SecondOverdueReminderDays <= FirstOverdueReminderDays)
        {
            problems.Add("La seconde relance après l'échéance vient après la première.");
        }

        Within(QuoteFollowUpDaysBeforeExpiry, 0, 30, "La relance d'un devis se fait entre 0 et 30 jours avant son expiration.");
        Within(DraftHoldDays, 1, 90, "Un brouillon garde ses places entre 1 et 90 jours.");
        Within(UnansweredAlertWorkingHours, 0, 200, "L'alerte d'une demande sans réponse vient entre 0 et 200 heures ouvrées.");
        Within(PaymentLinkReminderDaysBeforeExpiry, 0, 30, "Le rappel d'un lien de paiement se fait entre 0 et 30 jours avant son expiration.");
        return problems;

        void Within(int value, int min, int max, string problem)
        {
            if (value < min || value > max)
            {
                problems.Add(problem);
            }
        }
    }
}
