using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>The stay rule on the dossier: changing dates or party loses the quote in progress (after a confirmation), never once paid.</summary>
internal sealed partial class Dossier
{
    /// <summary>
    /// The stay rule: once a payment is received the stay cannot change; while a quote is in progress the change
    /// needs the caller's confirmation, and the quote is then lost. Returns the quote lost, if any.
    /// </summary>
    public StayChange ChangeStay(DateOnly? arrival, DateOnly? departure, int adults, IReadOnlyList<int> childrenAges, bool confirmed, string staffName, DateTimeOffset at)
    {
        if (IsCancelled)
        {
            return StayChange.Refused("Ce dossier est annulé : son séjour ne peut plus être modifié. Pour un nouveau séjour, ouvrez une nouvelle demande.", confirmationRequired: false);
        }

        if (PaidCents > 0)
        {
            return StayChange.Refused(
                $"Un paiement de {Euros.Format(PaidCents)} a déjà été reçu sur ce dossier : le séjour (dates et participants) ne peut plus être modifié. " +
                "Pour un autre séjour, remboursez d'abord le client ou ouvrez une nouvelle demande.",
                confirmationRequired: false);
        }

        if (HasQuoteInProgress && !confirmed)
        {
            return StayChange.Refused(
                $"Un devis est en cours sur ce dossier{(QuoteNumber is null ? "" : $" ({QuoteNumber})")} : si le séjour change, il sera perdu " +
                "(il ne pourra plus être accepté ni payé). Confirmez pour continuer ; les mêmes prestations seront recalculées pour les nouvelles dates dans un nouveau devis.",
                confirmationRequired: true);
        }

        var before = StayText();
        (Arrival, Departure, Adults, ChildrenAges) = (arrival, departure, adults, [.. childrenAges]);
        var lost = HasQuoteInProgress ? QuoteId : null;
        if (lost is not null)
        {
            // Lost at once: the re-priced draft arrives as a new QuoteChanged.
            QuoteLineCount = 0;
        }

        var what = $"Séjour modifié : {before} → {StayText()}{(lost is null ? "" : $" ; le devis{(QuoteNumber is null ? "" : $" {QuoteNumber}")} en cours est perdu")}";
        return StayChange.Done(lost, [DossierHistoryEntry.For(this, at, staffName, what), .. Fire(DossierTrigger.CustomerExchange, at, staffName, "Séjour modifié")]);
    }

    /// <summary>The stay in a history line; « séjour à préciser » while nothing is known (a request that came by email).</summary>
    private string StayText()
    {
        if (Adults + ChildrenAges.Count == 0 && (Arrival is null || Departure is null))
        {
            return "séjour à préciser";
        }

        var party = $"{Adults} adulte{(Adults > 1 ? "s" : "")}{(ChildrenAges.Count > 0 ? $", {ChildrenAges.Count} enfant{(ChildrenAges.Count > 1 ? "s" : "")}" : "")}";
        return Arrival is { } from && Departure is { } to
            ? $"du {from.ToString("d MMM yyyy", French)} au {to.ToString("d MMM yyyy", French)}, {party}"
            : party;
    }
}
