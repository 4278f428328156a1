using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>
/// What the payment schedule (issue 17) tells the dossier: each reminder sent (a history line), and the balance past its due
/// date and unpaid (« En retard » on the board's card, the « Solde en retard » filter) until it is settled or no longer due.
/// </summary>
internal sealed partial class Dossier
{
    /// <summary>The day the balance was due while it is overdue and unpaid; none otherwise.</summary>
    public DateOnly? BalanceOverdueOn { get; private set; }

    /// <summary>When the overdue mark was last set or cleared: an older event arriving late changes nothing.</summary>
    public DateTimeOffset? BalanceOverdueChangedAt { get; private set; }

    /// <summary>« Relance de paiement envoyée (J-3) », or the link's: « Rappel envoyé : le lien de paiement expire le … (J-2) ».</summary>
    public List<DossierHistoryEntry> PaymentReminderSent(string step, string label, string kind, long amountCents, DateOnly dueOn, DateTimeOffset at)
    {
        var what = step == "LinkExpiry"
            ? $"Rappel envoyé : le lien de paiement {Of(kind)} ({Euros.Format(amountCents)}) expire le {dueOn.ToString("d MMMM yyyy", French)} ({label})"
            : $"Relance de paiement envoyée ({label}) : {Euros.Format(amountCents)} {Of(kind)}, échéance le {dueOn.ToString("d MMMM yyyy", French)}";
        return [DossierHistoryEntry.For(this, at, "Automatique", what)];
    }

    /// <summary>The balance is past due and unpaid: the card shows « En retard »; a history line the first time for that date.</summary>
    public List<DossierHistoryEntry> BalanceOverdue(DateOnly dueOn, long remainingCents, DateTimeOffset at)
    {
        if (BalanceOverdueChangedAt is { } changed && at < changed)
        {
            return [];
        }

        var first = BalanceOverdueOn != dueOn;
        (BalanceOverdueOn, BalanceOverdueChangedAt) = (dueOn, at);
        return first
            ? [DossierHistoryEntry.For(this, at, "Automatique", $"Solde en retard : {Euros.Format(remainingCents)} attendus le {dueOn.ToString("d MMMM yyyy", French)}")]
            : [];
    }

    /// <summary>No longer overdue (paid, cancelled, its stay moved): the mark goes.</summary>
    public List<DossierHistoryEntry> BalanceOverdueCleared(DateTimeOffset at)
    {
        if (BalanceOverdueChangedAt is { } changed && at < changed)
        {
            return [];
        }

        (BalanceOverdueOn, BalanceOverdueChangedAt) = (null, at);
        return [];
    }

    private static string Of(string kind) => kind switch { "Deposit" => "de l'acompte", "Balance" => "du solde", _ => "de la totalité" };
}
