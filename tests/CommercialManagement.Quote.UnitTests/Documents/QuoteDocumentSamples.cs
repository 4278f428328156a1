using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Documents;
using CommercialManagement.Quote.Api.Documents;

namespace CommercialManagement.Quote.UnitTests.Documents;

/// <summary>Quote models as the Quote service would hand them over, with totals computed per line.</summary>
internal static class QuoteDocumentSamples
{
    public const string AccentedCustomer = "Élodie Hélène Müller-Çağlar";

    public static readonly string TermsOfSale = string.Join('\n',
        "Article 1 – Objet",
        "Les présentes conditions générales de vente régissent les prestations touristiques vendues par l'Office de réservation de Val Nevé : hébergements, cours de ski, forfaits de remontées mécaniques, location de matériel et activités.",
        "Article 2 – Réservation et acompte",
        "La réservation devient ferme à réception de l'acceptation du devis et du versement de l'acompte. Le solde est exigible trente jours avant l'arrivée ; une réservation faite moins de trente jours avant l'arrivée est réglée en totalité.",
        "Article 3 – Annulation",
        "Toute annulation doit être notifiée par écrit. Plus de trente jours avant l'arrivée, l'acompte est remboursé déduction faite de frais de dossier de 30 €. Entre trente et huit jours, 50 % du prix du séjour est retenu ; moins de huit jours avant l'arrivée, la totalité du prix reste due.",
        "Article 4 – Taxe de séjour",
        "La taxe de séjour est perçue pour le compte de la commune, par adulte et par nuit ; elle n'est pas soumise à la TVA.",
        "Article 5 – Réclamations et médiation",
        "Toute réclamation est adressée par écrit dans les trente jours suivant la fin du séjour. À défaut de réponse satisfaisante, le client peut saisir le médiateur du tourisme et du voyage.");

    public static QuoteDocumentModel Quote(
        int lineCount = 4,
        QuoteDocumentState state = QuoteDocumentState.Sent,
        string customerName = AccentedCustomer,
        string? terms = null,
        DocumentLanguage language = DocumentLanguage.French,
        IReadOnlyList<string>? cancellation = null)
    {
        var arrival = new DateOnly(2027, 2, 13);
        var lines = Enumerable.Range(0, lineCount).Select(i => Line(i, arrival)).ToList();
        var vat = lines.GroupBy(l => l.VatRateBasisPoints).OrderBy(g => g.Key).Select(g => new VatBreakdownRow
        {
            RateBasisPoints = g.Key,
            BaseExclVatCents = g.Sum(l => ExclVat(l)),
            VatCents = g.Sum(l => l.AmountInclVatCents - ExclVat(l)),
        }).ToList();
        var inclVat = lines.Sum(l => l.AmountInclVatCents);
        var tax = new TouristTaxLine { Adults = 2, Nights = 7, RatePerAdultPerNightCents = 165, AmountCents = 2 * 7 * 165 };
        var grandTotal = inclVat + tax.AmountCents;
        var deposit = grandTotal * 30 / 100;
        return new QuoteDocumentModel
        {
            Language = language,
            Seller = new SellerDetails
            {
                Name = "Office de réservation de Val Nevé",
                AddressLines = ["Maison du Tourisme, 12 place de l'Église", "73440 Val Nevé, France"],
                Siret = "812 345 678 00021",
                VatNumber = "FR 47 812345678",
                TravelOperatorRegistration = "IM073260012",
                Email = "reservation@valneve.example",
                Phone = "+33 4 79 00 12 34",
                TermsOfSale = terms ?? TermsOfSale,
            },
            Quote = new QuoteHeader
            {
                Number = "DEV-2026-00042",
                Version = 2,
                IssueDate = new DateOnly(2026, 11, 29),
                ValidUntil = new DateOnly(2026, 12, 13),
                State = state,
                AcceptedOn = state == QuoteDocumentState.Accepted ? new DateOnly(2026, 12, 2) : null,
                VoidReason = state == QuoteDocumentState.Voided ? "Les dates du séjour ont changé (du 20 au 27 février 2027)." : null,
            },
            Customer = new CustomerDetails
            {
                Name = customerName,
                AddressLines = ["Appartement 4B, 27 rue des Tanneurs", "67000 Strasbourg", "France"],
                Email = "elodie.muller@example.org",
                Phone = "+33 6 12 34 56 78",
            },
            Stay = new StayDetails { Arrival = arrival, Departure = arrival.AddDays(7), Nights = 7, Adults = 2, ChildrenAges = [8, 11] },
            Lines = lines,
            VatBreakdown = vat,
            Totals = new DocumentTotals
            {
                ExclVatCents = vat.Sum(v => v.BaseExclVatCents),
                VatCents = vat.Sum(v => v.VatCents),
                InclVatCents = inclVat,
                GrandTotalCents = grandTotal,
            },
            TouristTax = tax,
            Deposit = new DepositInstalment { AmountCents = deposit },
            Balance = new BalanceInstalment { AmountCents = grandTotal - deposit, DueDate = arrival.AddDays(-30) },
            // As the service hands them over: the defaults' sentences when the organisation set none.
            CancellationTerms = cancellation ?? CancellationTerms.Describe(null, language == DocumentLanguage.English),
        };
    }

    public static long ExclVat(DocumentLine line) =>
        (long)Math.Round(line.AmountInclVatCents * 10_000m / (10_000 + line.VatRateBasisPoints), MidpointRounding.AwayFromZero);

    private static DocumentLine Line(int index, DateOnly arrival) => (index % 4) switch
    {
        0 => new DocumentLine
        {
            Label = index == 0 ? "Chalet Les Mélèzes – appartement 6 personnes, vue sur le Mont Blanc" : $"Hébergement n° {index + 1} – studio 4 personnes",
            Description = "Appartement de 62 m² au pied des pistes : deux chambres, séjour avec cheminée, casier à skis chauffé. Linge de lit et ménage de fin de séjour inclus.",
            Details = ["7 nuits × 185,00 € (haute saison)", "Supplément animal de compagnie : 35,00 €"],
            StartDate = arrival,
            EndDate = arrival.AddDays(7),
            Quantity = 1,
            UnitPriceInclVatCents = 133_000 + index,
            VatRateBasisPoints = 1000,
            AmountInclVatCents = 133_000 + index,
        },
        1 => new DocumentLine
        {
            Label = $"Cours de ski collectif ESF – Flocon à Étoile d'or (ligne {index + 1})",
            Details = ["6 demi-journées, enfants de 8 et 11 ans"],
            StartDate = arrival.AddDays(1),
            EndDate = arrival.AddDays(6),
            Quantity = 2,
            UnitPriceInclVatCents = 21_450,
            VatRateBasisPoints = 2000,
            AmountInclVatCents = 42_900,
        },
        2 => new DocumentLine
        {
            Label = $"Forfait remontées mécaniques 6 jours – Domaine Val Nevé (ligne {index + 1})",
            Details = ["2 adultes × 289,00 €", "2 enfants (5–12 ans) × 231,00 €"],
            StartDate = arrival.AddDays(1),
            EndDate = arrival.AddDays(6),
            Quantity = 4,
            UnitPriceInclVatCents = 26_000,
            VatRateBasisPoints = 1000,
            AmountInclVatCents = 104_000,
        },
        _ => new DocumentLine
        {
            Label = $"Divers – navette depuis la gare de Bourg-Saint-Maurice (ligne {index + 1})",
            StartDate = arrival,
            Quantity = 1,
            UnitPriceInclVatCents = 6_550,
            VatRateBasisPoints = 550,
            AmountInclVatCents = 6_550,
        },
    };
}
