using CommercialManagement.Contracts.Identity;

namespace CommercialManagement.Gateway.Features.Administration;

/// <summary>
/// The organisation's <see cref="AccountingSettings"/> as « Comptabilité » edits them (issue 19): journal codes and
/// accounts, with an account of its own for 5,5 %, 10 % and 20 % when filled in; its rules are the contract's.
/// </summary>
public sealed class AccountingForm
{
    /// <summary>The rates the page offers an account of their own for (0 % lines go to the general account).</summary>
    public static readonly int[] Rates = [550, 1000, 2000];

    public string SalesJournalCode { get; set; } = "";

    public string BankJournalCode { get; set; } = "";

    public string CustomerAccount { get; set; } = "";

    public bool CustomerAuxiliaryAccounts { get; set; }

    public string SalesAccount { get; set; } = "";

    public string VatAccount { get; set; } = "";

    /// <summary>Per rate (basis points): its own sales account, or blank for the general one.</summary>
    public Dictionary<int, string> SalesByRate { get; set; } = [];

    /// <summary>Per rate (basis points): its own VAT account, or blank for the general one.</summary>
    public Dictionary<int, string> VatByRate { get; set; } = [];

    public string TouristTaxAccount { get; set; } = "";

    public string CancellationFeeAccount { get; set; } = "";

    public string BankAccount { get; set; } = "";

    public AccountingSettings ToSettings() => new()
    {
        SalesJournalCode = SalesJournalCode.Trim().ToUpperInvariant(), BankJournalCode = BankJournalCode.Trim().ToUpperInvariant(),
        CustomerAccount = CustomerAccount.Trim(), CustomerAuxiliaryAccounts = CustomerAuxiliaryAccounts, SalesAccount = SalesAccount.Trim(),
        VatAccount = VatAccount.Trim(), TouristTaxAccount = TouristTaxAccount.Trim(), CancellationFeeAccount = CancellationFeeAccount.Trim(),
        BankAccount = BankAccount.Trim(),
        ByRate = [.. Rates
            .Select(rate => new VatRateAccounts { RateBasisPoints = rate, SalesAccount = Blank(SalesByRate.GetValueOrDefault(rate)), VatAccount = Blank(VatByRate.GetValueOrDefault(rate)) })
            .Where(r => r.SalesAccount is not null || r.VatAccount is not null)],
    };

    public static AccountingForm Of(AccountingSettings settings) => new()
    {
        SalesJournalCode = settings.SalesJournalCode, BankJournalCode = settings.BankJournalCode, CustomerAccount = settings.CustomerAccount,
        CustomerAuxiliaryAccounts = settings.CustomerAuxiliaryAccounts, SalesAccount = settings.SalesAccount, VatAccount = settings.VatAccount,
        TouristTaxAccount = settings.TouristTaxAccount, CancellationFeeAccount = settings.CancellationFeeAccount, BankAccount = settings.BankAccount,
        SalesByRate = Rates.ToDictionary(rate => rate, rate => settings.ByRate.FirstOrDefault(r => r.RateBasisPoints == rate)?.SalesAccount ?? ""),
        VatByRate = Rates.ToDictionary(rate => rate, rate => settings.ByRate.FirstOrDefault(r => r.RateBasisPoints == rate)?.VatAccount ?? ""),
    };

    private static string? Blank(string? value) => string.IsNullOrWhiteSpace(value) ? null : value.Trim();
}
