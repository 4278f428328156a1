using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Features.Exports;

namespace CommercialManagement.Payment.UnitTests;

/// <summary>
/// The sales journal over a case's life (issue 19): a deposit invoice, the credit note of a partial refund and the final
/// invoice that deducts what is left of the deposit leave on each sales and VAT account exactly what the final invoice says,
/// to the cent.
/// </summary>
public sealed class AccountingEntriesTests
{
    private static readonly DateTimeOffset Now = new(2026, 12, 4, 9, 0, 0, TimeSpan.Zero);
    private static readonly DateOnly Today = new(2026, 12, 4);

    private static readonly AccountingSettings Accounts = new()
    {
        ByRate =
        [
            new VatRateAccounts { RateBasisPoints = 1000, SalesAccount = "706100", VatAccount = "445712" },
            new VatRateAccounts { RateBasisPoints = 2000, SalesAccount = "706200", VatAccount = "445711" },
        ],
    };

    /// <summary>
    /// 333,33 € of deposit at two VAT rates and tourist tax, 77,77 € of it given back: shared again, what is left (255,56 €)
    /// would be a cent off per rate from what the deposit and its credit note posted.
    /// </summary>
    [Theory]
    [InlineData(33_333, 7_777)]
    [InlineData(30_001, 7_777)]
    [InlineData(33_333, 12_347)]
    public void TheFinalInvoice_DeductsWhatTheDepositAndItsCreditNotePosted_SoEachAccountEndsOnTheFinalInvoice(long depositCents, long refundCents)
    {
        var ledger = InvoicingTests.Ledger();
        var deposit = ledger.RecordOffline(depositCents, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.RecordRefund(deposit.Id, "re_1", refundCents, Now.AddHours(1), Now.AddHours(1));
        ledger.Number(ledger.Unnumbered.Single(), 1, Now.AddHours(1));
        ledger.RecordOffline(100_000 - depositCents + refundCents, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now.AddHours(2));
        var final = ledger.FinalInvoice!;
        ledger.Number(final, 2, Now.AddHours(2));
        Assert.Equal([depositCents - refundCents], final.Content.Deducted.Select(d => d.AmountCents));

        var entries = AccountingEntries.Sales(Accounts, ledger.Invoices, ledger.Invoices);

        Assert.Equal(3, entries.Count);
        Assert.All(entries, e => Assert.Equal(e.DebitCents, e.CreditCents));
        var lines = entries.SelectMany(e => e.Lines).ToList();
        long Credited(string account) => lines.Where(l => l.Account == account).Sum(l => l.CreditCents - l.DebitCents);
        // The deposit posted on every account: the final invoice's own entry alone would not make these balances.
        Assert.All(["706100", "445712", "706200", "445711", "467100"], a => Assert.Contains(entries[0].Lines, l => l.Account == a && l.CreditCents > 0));
        foreach (var rate in final.Content.VatByRate)
        {
            Assert.Equal(
                (rate.NetCents, rate.VatCents),
                (Credited(Accounts.SalesAccountFor(rate.RateBasisPoints)), Credited(Accounts.VatAccountFor(rate.RateBasisPoints))));
        }

        Assert.Equal(final.Content.TouristTaxCents, Credited("467100"));
        Assert.Equal(-final.Content.TotalCents, Credited("411000"));
    }

    [Fact]
    public void AFullyDeductedDeposit_IsTakenOffAsPosted()
    {
        var ledger = InvoicingTests.Ledger();
        ledger.RecordOffline(33_333, PaymentMethod.BankTransfer, "VIR-1", Today, "Agent", Now);
        ledger.Number(ledger.Invoices[0], 1, Now);
        ledger.RecordOffline(66_667, PaymentMethod.Cheque, "CHQ-2", Today, "Agent", Now.AddHours(1));
        ledger.Number(ledger.FinalInvoice!, 2, Now.AddHours(1));

        var entries = AccountingEntries.Sales(Accounts, ledger.Invoices, ledger.Invoices);

        var deposit = ledger.Invoices[0].Content;
        var final = entries.Single(e => e.Piece == "FA-2026-00002");
        Assert.Equal(66_667, final.Lines.Single(l => l.Account == "411000").DebitCents);
        foreach (var rate in ledger.FinalInvoice!.Content.VatByRate)
        {
            var deducted = deposit.VatByRate.Single(r => r.RateBasisPoints == rate.RateBasisPoints);
            Assert.Equal(rate.VatCents - deducted.VatCents, final.Lines.Single(l => l.Account == Accounts.VatAccountFor(rate.RateBasisPoints)).CreditCents);
        }
    }
}
