namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>
/// When the case first reached each step of the sale, for « Pilotage »'s funnel and its times between steps. Each is the
/// earliest time seen, whatever order the events arrive in, and never unset: a case that reached a step once counts as
/// having reached it (a refund or an amendment later does not take it out of the funnel).
/// </summary>
internal sealed partial class Dossier
{
    /// <summary>The first answer the customer got: a message from staff or a quote sent, whichever came first.</summary>
    public DateTimeOffset? FirstAnsweredAt { get; private set; }

    public DateTimeOffset? FirstQuoteSentAt { get; private set; }

    public DateTimeOffset? FirstAcceptedAt { get; private set; }

    /// <summary>The first time something was paid against an accepted quote (a deposit, or the whole at once).</summary>
    public DateTimeOffset? DepositPaidAt { get; private set; }

    /// <summary>The first time the payments reached the accepted total.</summary>
    public DateTimeOffset? PaidInFullAt { get; private set; }

    public void Answered(DateTimeOffset at) => FirstAnsweredAt = Earliest(FirstAnsweredAt, at);

    public void QuoteSentOnce(DateTimeOffset at)
    {
        FirstQuoteSentAt = Earliest(FirstQuoteSentAt, at);
        Answered(at);
    }

    public void AcceptedOnce(DateTimeOffset at) => FirstAcceptedAt = Earliest(FirstAcceptedAt, at);

    /// <summary>
    /// After a payment, a refund or an acceptance, from every payment and refund of the case (events arrive in any order):
    /// the deposit step is reached when something is paid after the acceptance (or the acceptance comes after a payment),
    /// the last step when the payments, in the order they happened, reach the accepted total.
    /// </summary>
    public void PaymentStepsReached(IEnumerable<DossierPayment> payments)
    {
        if (AcceptedTotalCents is not { } total || FirstAcceptedAt is not { } accepted)
        {
            return;
        }

        var paid = 0L;
        foreach (var payment in payments.OrderBy(p => p.At))
        {
            paid += payment.AmountCents;
            var at = payment.At > accepted ? payment.At : accepted;
            if (paid > 0)
            {
                DepositPaidAt = Earliest(DepositPaidAt, at);
            }

            if (paid >= total)
            {
                PaidInFullAt = Earliest(PaidInFullAt, at);
            }
        }
    }

    private static DateTimeOffset Earliest(DateTimeOffset? known, DateTimeOffset at) => known is { } k && k <= at ? k : at;
}
