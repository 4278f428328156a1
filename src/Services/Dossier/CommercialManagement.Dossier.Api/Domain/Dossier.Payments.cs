using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>The dossier's money: payments and refunds counted once, the columns they lead to, and what the history says of requests and refusals.</summary>
internal sealed partial class Dossier
{
    /// <summary>Counts a payment (positive) or a refund (negative) once by its id, then moves with what is paid.</summary>
    public List<DossierHistoryEntry> PaymentRecorded(DossierPayment payment, bool alreadyCounted)
    {
        if (alreadyCounted)
        {
            return [];
        }

        PaidCents += payment.AmountCents;
        var what = payment.AmountCents >= 0 ? $"Paiement reçu : {Euros.Format(payment.AmountCents)}" : $"Remboursement : {Euros.Format(-payment.AmountCents)}";
        return [DossierHistoryEntry.For(this, payment.At, "Paiement", what), .. SettlePayments(payment.At)];
    }

    /// <summary>Staff asked the customer to pay (deposit, balance or whole): a history line; the dossier stays where it is.</summary>
    public List<DossierHistoryEntry> PaymentRequested(string kind, long amountCents, DateTimeOffset at)
    {
        var what = kind switch { "Deposit" => "de l'acompte", "Balance" => "du solde", _ => "de la totalité" };
        return [DossierHistoryEntry.For(this, at, "Paiement", $"Demande de paiement {what} envoyée au client ({Euros.Format(amountCents)})")];
    }

    /// <summary>A payment attempt the provider refused: a history line (the request stays open); the column follows payments only.</summary>
    public List<DossierHistoryEntry> PaymentFailed(string reason, DateTimeOffset at) =>
        [DossierHistoryEntry.For(this, at, "Paiement", $"Paiement refusé : {reason}")];

    private List<DossierHistoryEntry> SettlePayments(DateTimeOffset at)
    {
        if (AcceptedTotalCents is not { } total)
        {
            return [];
        }

        var trigger = PaidCents <= 0 ? DossierTrigger.NothingPaid : PaidCents < total ? DossierTrigger.PartPaid : DossierTrigger.FullyPaid;
        return Fire(trigger, at, "Paiement", $"Payé : {Euros.Format(Math.Max(PaidCents, 0))} sur {Euros.Format(total)}");
    }
}
