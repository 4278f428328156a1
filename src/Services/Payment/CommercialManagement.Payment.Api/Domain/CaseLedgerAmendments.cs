using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>What an acceptance did to the case: nothing (older, the same again, or the case cancelled), the first acceptance, or an amendment.</summary>
internal enum AcceptanceOutcome
{
    Ignored,
    Accepted,
    Amended,
}

/// <summary>
/// Acceptances of the case's quote, the first and the later ones: an accepted quote amended (a new version, re-priced,
/// accepted again) or replaced by another quote. Payments stay; what is still due follows the new total; an issued final
/// invoice is credited and a new one made from the amended content; money held beyond the new total is a surplus to refund.
/// </summary>
internal sealed partial class CaseLedger
{
    /// <summary>What the case holds beyond the accepted total (an amendment lowered it): to refund. Zero otherwise.</summary>
    public long OverpaidCents => Case.AcceptedQuoteId is null ? 0 : Math.Max(SettledCents - Case.AcceptedTotalCents, 0);

    /// <summary>
    /// Keeps a quote's acceptance unless a later one (or the same version) is kept already or the case is cancelled. On an
    /// amendment: the open requests of another quote, and those asking more than what now remains, are withdrawn; the final
    /// invoice, when issued, is credited by an « avoir » naming the amendment, and replaced at once when what the case holds
    /// covers the new total (or when the organisation invoices on processing, the order having been processed), else by
    /// the payment that settles it. The caller numbers the drafts and saves.
    /// </summary>
    public AcceptanceOutcome Accept(QuoteAccepted accepted, DateTimeOffset now)
    {
        var before = Case.AcceptedQuoteId;
        if (Case.IsCancelled || !Case.Accept(accepted))
        {
            return AcceptanceOutcome.Ignored;
        }

        // Requests asked against the quote replaced are for another total: their links die.
        _ = WithdrawOpen(r => r.QuoteId != accepted.QuoteId, $"Le devis {accepted.Number} a remplacé le devis de cette demande.", now);
        if (before is null)
        {
            return AcceptanceOutcome.Accepted;
        }

        var amendment = Amendment(accepted, otherQuote: before != accepted.QuoteId);
        var remaining = Case.AcceptedTotalCents - HeldCents;
        _ = WithdrawOpen(
            r => r.AmountCents > remaining,
            $"Annulée : la commande modifiée ({amendment}) porte le total à {Euros.Format(Case.AcceptedTotalCents)} ; "
                + $"il reste {Euros.Format(Math.Max(remaining, 0))} à payer, moins que cette demande.",
            now);
        ReplaceFinal($"Modification de la commande : {amendment}, nouveau total {Euros.Format(Case.AcceptedTotalCents)}", now);
        return AcceptanceOutcome.Amended;
    }

    /// <summary>« version 3 » of the same quote; « devis DEV-2026-00043, version 1 » for another one.</summary>
    private static string Amendment(QuoteAccepted accepted, bool otherQuote) =>
        (otherQuote, accepted.Version) switch
        {
            (false, { } version) => $"version {version}",
            (true, { } version) => $"devis {accepted.Number}, version {version}",
            _ => $"devis {accepted.Number}",
        };

    /// <summary>
    /// The final invoice issued for the order before it changed: credited for what it counted beyond the deposit invoices it
    /// deducted (they stay, deducted again by the next final invoice) and its earlier credit notes; then the next one, when
    /// the rules allow it now.
    /// </summary>
    private void ReplaceFinal(string reason, DateTimeOffset now)
    {
        var replaced = false;
        if (FinalInvoice is { IsNumbered: true } final)
        {
            Case.Replaced(final.Id);
            replaced = true;
            var left = final.AmountCents - final.Content.Deducted.Sum(d => d.AmountCents) - CreditedCents(final);
            if (left > 0)
            {
                Draft(InvoiceKind.CreditNote, InvoiceDrafts.CreditNote(final, left, reason, Seller), left, now, correctsInvoiceId: final.Id);
            }
        }

        if (Case.AcceptedContent is null || Case.AcceptedQuoteVoided || FinalInvoice is not null)
        {
            return;
        }

        // Invoicing on payment: now if what is held covers the new total, else the payment that settles it will. Invoicing on
        // processing: now if the order had its final invoice (it was processed; « Commande traitée » does not come again).
        if (Seller.FinalInvoiceWhenProcessed ? replaced : HeldCents >= Case.AcceptedTotalCents)
        {
            _ = DraftFinal(now);
        }
    }
}
