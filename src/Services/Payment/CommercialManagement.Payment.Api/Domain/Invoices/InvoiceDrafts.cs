using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Payment.Api.Domain.Invoices;

/// <summary>
/// What a deposit invoice and a final invoice say, computed from the accepted quote's content as Quote sent it: no pricing
/// rule here beyond sharing a deposit across the quote's VAT rates.
/// </summary>
internal static class InvoiceDrafts
{
    /// <summary>The legal minimum (Code de commerce, L441-10), printed when the organisation wrote none.</summary>
    public const string DefaultLatePaymentTerms = "Pénalités de retard : trois fois le taux d'intérêt légal, exigibles sans rappel le jour suivant la date de paiement.";

    /// <summary>
    /// A « facture d'acompte » for <paramref name="payment"/>: the deposit shared across the quote's VAT rates and its
    /// tourist tax in proportion to their amounts (largest remainders, so the parts add up to the cent), one line per rate.
    /// </summary>
    public static InvoiceContent Deposit(AcceptedQuoteContent quote, string quoteNumber, OrganisationSettings seller, Payment payment)
    {
        var (lines, touristTax) = Shared(
            payment.AmountCents, [.. quote.VatByRate.Select(r => (r.RateBasisPoints, r.NetCents + r.VatCents))], quote.TouristTaxCents,
            rate => quote.VatByRate.Count == 1 ? $"Acompte sur le devis {quoteNumber}" : $"Acompte sur le devis {quoteNumber} : prestations à {Vat.Label(rate)}");
        return Common(quote, quoteNumber, seller) with
        {
            Lines = lines,
            VatByRate = [.. lines.Select(l => new InvoiceVatRate { RateBasisPoints = l.VatRateBasisPoints, NetCents = l.AmountExclVatCents, VatCents = l.VatCents })],
            NetCents = lines.Sum(l => l.AmountExclVatCents), VatCents = lines.Sum(l => l.VatCents), GrossCents = lines.Sum(l => l.AmountInclVatCents),
            TouristTaxCents = touristTax, TotalCents = payment.AmountCents,
            Payments = [Paid(payment)], DueCents = 0,
        };
    }

    /// <summary>
    /// The final invoice: every line of the accepted quote, the deposit invoices deducted (each for what its credit notes
    /// left of it), the payments no deposit invoice acknowledged, and what is still due.
    /// </summary>
    public static InvoiceContent Final(
        AcceptedQuoteContent quote, string quoteNumber, OrganisationSettings seller, IReadOnlyList<(Invoice Invoice, long LeftCents)> deposits, IReadOnlyList<Payment> unacknowledged)
    {
        var deducted = deposits.Select(d => new InvoiceReference { Number = d.Invoice.Number, IssueDate = d.Invoice.IssueDate, AmountCents = d.LeftCents }).ToList();
        var paid = unacknowledged.Select(Paid).ToList();
        return Common(quote, quoteNumber, seller) with
        {
            Deducted = deducted, Payments = paid,
            DueCents = Math.Max(quote.TotalCents - deducted.Sum(d => d.AmountCents) - paid.Sum(p => p.AmountCents), 0),
        };
    }

    /// <summary>
    /// An « avoir » of <paramref name="amountCents"/> on <paramref name="corrected"/>: the amount shared across the corrected
    /// document's VAT rates and tourist tax as the deposit was, one line per rate naming the invoice; the seller as of today.
    /// </summary>
    public static InvoiceContent CreditNote(Invoice corrected, long amountCents, string reason, OrganisationSettings seller)
    {
        var original = corrected.Content;
        var (lines, touristTax) = Shared(
            amountCents, [.. original.VatByRate.Select(r => (r.RateBasisPoints, r.NetCents + r.VatCents))], original.TouristTaxCents,
            rate => original.VatByRate.Count == 1 ? $"{reason} : facture {corrected.Number}" : $"{reason} : facture {corrected.Number}, prestations à {Vat.Label(rate)}");

        var fresh = Common(seller);
        return original with
        {
            Seller = fresh,
            Lines = lines,
            VatByRate = [.. lines.Select(l => new InvoiceVatRate { RateBasisPoints = l.VatRateBasisPoints, NetCents = l.AmountExclVatCents, VatCents = l.VatCents })],
            NetCents = lines.Sum(l => l.AmountExclVatCents), VatCents = lines.Sum(l => l.VatCents), GrossCents = lines.Sum(l => l.AmountInclVatCents),
            TouristTaxCents = touristTax, TotalCents = amountCents, Deducted = [], Payments = [], DueCents = 0,
            Corrects = new InvoiceReference { Number = corrected.Number, IssueDate = corrected.IssueDate, AmountCents = corrected.AmountCents },
            Reason = reason,
        };
    }

    /// <summary>
    /// What a cancellation keeps, invoiced once the sale is credited: one line, outside the scope of VAT (an indemnity
    /// for the cancellation is not the price of a service: CJCE, 18 July 2007, C-277/05), already paid from what the
    /// case held.
    /// </summary>
    public static InvoiceContent CancellationFee(AcceptedQuoteContent quote, string quoteNumber, OrganisationSettings seller, long keptCents, int daysBeforeArrival, DateOnly today)
    {
        var line = new InvoiceLine
        {
            Label = $"Indemnité d'annulation : devis {quoteNumber}, annulé {(daysBeforeArrival == 1 ? "1 jour" : $"{daysBeforeArrival} jours")} avant l'arrivée",
            Quantity = 1, UnitPriceExclVatCents = keptCents, VatRateBasisPoints = 0, AmountExclVatCents = keptCents, VatCents = 0, AmountInclVatCents = keptCents,
        };
        return Common(quote, quoteNumber, seller) with
        {
            Lines = [line], VatByRate = [new InvoiceVatRate { RateBasisPoints = 0, NetCents = keptCents, VatCents = 0 }],
            NetCents = keptCents, VatCents = 0, GrossCents = keptCents, TouristTaxCents = 0, TotalCents = keptCents, DueCents = 0,
            Payments = [new InvoicePayment { ReceivedOn = today, Method = "Sommes déjà versées", AmountCents = keptCents }],
            Reason = "Annulation du dossier",
        };
    }

    /// <summary>
    /// <paramref name="amountCents"/> shared in proportion to <paramref name="weights"/>: each part rounded down, the cents
    /// left given one by one to the largest remainders (the first on a tie). The parts add up to the amount exactly.
    /// </summary>
    public static IReadOnlyList<long> Share(long amountCents, IReadOnlyList<long> weights)
    {
        var total = weights.Sum();
        if (total <= 0)
        {
            throw new ArgumentException("Nothing to share an amount across.", nameof(weights));
        }

        var parts = weights.Select(w => (Int128)amountCents * w).Select(p => (Floor: (long)(p / total), Remainder: p % total)).ToList();
        var left = amountCents - parts.Sum(p => p.Floor);
        var shares = parts.Select(p => p.Floor).ToArray();
        foreach (var index in Enumerable.Range(0, parts.Count).OrderByDescending(i => parts[i].Remainder).ThenBy(i => i).Take((int)left))
        {
            shares[index]++;
        }

        return shares;
    }

    /// <summary>
    /// An amount shared across VAT rates (by their amounts incl. VAT) and a tourist tax (<see cref="Share"/>): one line per
    /// rate that gets something, split into HT and VAT, labelled by <paramref name="label"/>; the tourist tax's part apart.
    /// </summary>
    private static (List<InvoiceLine> Lines, long TouristTaxCents) Shared(
        long amountCents, IReadOnlyList<(int Rate, long GrossCents)> rates, long touristTaxCents, Func<int, string> label)
    {
        var shares = Share(amountCents, [.. rates.Select(r => r.GrossCents), touristTaxCents]);
        var lines = new List<InvoiceLine>();
        for (var i = 0; i < rates.Count; i++)
        {
            if (shares[i] == 0)
            {
                continue;
            }

            var (net, vat) = Vat.Split(shares[i], rates[i].Rate);
            lines.Add(new InvoiceLine
            {
                Label = label(rates[i].Rate), Quantity = 1, UnitPriceExclVatCents = net, VatRateBasisPoints = rates[i].Rate, AmountExclVatCents = net,
                VatCents = vat, AmountInclVatCents = shares[i],
            });
        }

        return (lines, shares[^1]);
    }

    private static InvoiceSeller Common(OrganisationSettings seller) => new()
    {
        Name = seller.Name, AddressLines = AddressLines(seller.Address), Siret = seller.Siret, VatNumber = seller.VatNumber, LegalForm = seller.LegalForm,
        TradeRegister = seller.TradeRegister, TravelOperatorRegistration = seller.TravelOperatorRegistration, Email = seller.ContactEmail, Phone = seller.ContactPhone,
        LatePaymentTerms = seller.LatePaymentTerms ?? DefaultLatePaymentTerms,
    };

    private static InvoiceContent Common(AcceptedQuoteContent quote, string quoteNumber, OrganisationSettings seller) => new()
    {
        Seller = Common(seller),
        Customer = new InvoiceCustomer
        {
            Name = quote.CustomerName, AddressLines = quote.CustomerAddressLines, Email = quote.CustomerEmail, CompanyId = quote.CustomerCompanyId,
            VatNumber = quote.CustomerVatNumber,
        },
        Language = quote.Language, QuoteNumber = quoteNumber, Arrival = quote.Arrival, Departure = quote.Departure, Adults = quote.Adults, ChildrenAges = quote.ChildrenAges,
        Lines = [.. quote.Lines.Select(l => new InvoiceLine
        {
            Label = l.Label, Description = l.Description, From = l.From, To = l.To, Quantity = l.Quantity,
            UnitPriceExclVatCents = Vat.Split(l.UnitPriceInclVatCents, l.VatRateBasisPoints).NetCents, VatRateBasisPoints = l.VatRateBasisPoints,
            AmountExclVatCents = l.AmountExclVatCents, VatCents = l.VatCents, AmountInclVatCents = l.AmountInclVatCents,
        })],
        VatByRate = [.. quote.VatByRate.Select(r => new InvoiceVatRate { RateBasisPoints = r.RateBasisPoints, NetCents = r.NetCents, VatCents = r.VatCents })],
        NetCents = quote.NetCents, VatCents = quote.VatCents, GrossCents = quote.GrossCents, TouristTaxCents = quote.TouristTaxCents, TotalCents = quote.TotalCents,
        DueCents = quote.TotalCents,
    };

    private static InvoicePayment Paid(Payment payment) => new() { ReceivedOn = payment.ReceivedOn, Method = payment.Method.Label(), AmountCents = payment.AmountCents };

    private static string[] AddressLines(string address) =>
        [.. address.Split(['\n', '\r'], StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)];
}
