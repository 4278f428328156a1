namespace CommercialManagement.Contracts.Identity;

/// <summary>
/// The journal codes and account numbers of the organisation's accounting exports (issue 19, « Comptabilité » in
/// Paramètres): Payment writes its sales and bank journals and the FEC with them. The defaults follow the French chart of
/// accounts (plan comptable général) and are what an organisation that never saved the section gets, as do events
/// written before it existed.
/// </summary>
public sealed record AccountingSettings
{
    /// <summary>The sales journal: invoices, deposit invoices, credit notes.</summary>
    public string SalesJournalCode { get; init; } = "VE";

    /// <summary>The bank journal: payments received and refunds.</summary>
    public string BankJournalCode { get; init; } = "BQ";

    /// <summary>The customers' collective account (411…).</summary>
    public string CustomerAccount { get; init; } = "411000";

    /// <summary>
    /// One auxiliary account per customer (CompAuxNum in the FEC), the customer being known by their email: a returning
    /// customer keeps theirs. Off: every entry on the collective account alone.
    /// </summary>
    public bool CustomerAuxiliaryAccounts { get; init; } = true;

    /// <summary>Sales of services (706…), for every VAT rate without an account of its own.</summary>
    public string SalesAccount { get; init; } = "706000";

    /// <summary>VAT collected (44571…), for every VAT rate without an account of its own.</summary>
    public string VatAccount { get; init; } = "445710";

    /// <summary>Accounts of their own for some VAT rates (e.g. 706100 and 445712 for 10 %); none by default.</summary>
    public IReadOnlyList<VatRateAccounts> ByRate { get; init; } = [];

    /// <summary>
    /// The tourist tax collected for the commune (467…): a third party's money the seller holds until it pays it over, not
    /// a sale nor a charge of its own (hence not 4686, accrued charges).
    /// </summary>
    public string TouristTaxAccount { get; init; } = "467100";

    /// <summary>The indemnity a cancellation keeps, outside the scope of VAT: not a sale of a service (758…).</summary>
    public string CancellationFeeAccount { get; init; } = "758000";

    /// <summary>The bank (512…): payments received and refunds, whatever their means.</summary>
    public string BankAccount { get; init; } = "512000";

    /// <summary>The sales account of a VAT rate (1000 = 10 %).</summary>
    public string SalesAccountFor(int rateBasisPoints) => ByRate.FirstOrDefault(r => r.RateBasisPoints == rateBasisPoints)?.SalesAccount is { Length: > 0 } a ? a : SalesAccount;

    /// <summary>The VAT account of a VAT rate (1000 = 10 %).</summary>
    public string VatAccountFor(int rateBasisPoints) => ByRate.FirstOrDefault(r => r.RateBasisPoints == rateBasisPoints)?.VatAccount is { Length: > 0 } a ? a : VatAccount;

    /// <summary>The settings' rules, in French; empty when they hold.</summary>
    public IReadOnlyList<string> Problems()
    {
        var problems = new List<string>();
        Code(SalesJournalCode, "Le code du journal des ventes");
        Code(BankJournalCode, "Le code du journal de banque");
        if (string.Equals(SalesJournalCode, BankJournalCode, StringComparison.OrdinalIgnoreCase))
        {
            problems.Add("Les journaux des ventes et de banque ont chacun leur code.");
        }

        Account(CustomerAccount, "411", "Le compte clients");
        Account(SalesAccount, "7", "Le compte de ventes");
        Account(VatAccount, "4457", "Le compte de TVA collectée");
        Account(TouristTaxAccount, "4", "Le compte de la taxe de séjour");
        Account(CancellationFeeAccount, "7", "Le compte des indemnités d'annulation");
        Account(BankAccount, "5", "Le compte de banque");
        foreach (var rate in ByRate)
        {
            if (!string.IsNullOrEmpty(rate.SalesAccount))
            {
                Account(rate.SalesAccount, "7", $"Le compte de ventes à {rate.RateBasisPoints / 100m:0.##} %");
            }

            if (!string.IsNullOrEmpty(rate.VatAccount))
            {
                Account(rate.VatAccount, "4457", $"Le compte de TVA à {rate.RateBasisPoints / 100m:0.##} %");
            }
        }

        return problems;

        void Code(string value, string what)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length > 6 || !value.All(char.IsAsciiLetterOrDigit))
            {
                problems.Add($"{what} a de 1 à 6 lettres ou chiffres (par exemple « VE »).");
            }
        }

        void Account(string value, string prefix, string what)
        {
            if (string.IsNullOrWhiteSpace(value) || value.Length is < 3 or > 12 || !value.All(char.IsAsciiDigit) || !value.StartsWith(prefix, StringComparison.Ordinal))
            {
                problems.Add($"{what} est un numéro de 3 à 12 chiffres qui commence par {prefix}.");
            }
        }
    }
}

/// <summary>A VAT rate's own sales and VAT accounts; an empty one falls back to the general account.</summary>
public sealed record VatRateAccounts
{
    /// <summary>1000 = 10 %.</summary>
    public required int RateBasisPoints { get; init; }

    public string? SalesAccount { get; init; }

    public string? VatAccount { get; init; }
}
