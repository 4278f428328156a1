using System.Security.Cryptography;
using System.Text;
using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Payment.Api.Domain;
using CommercialManagement.Payment.Api.Domain.Invoices;
using CommercialManagement.Payment.Api.Persistence;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.Exports;

/// <summary>One line of an entry: an account debited or credited, in cents (one side is 0).</summary>
internal sealed record EntryLine(string Account, string AccountLabel, string? AuxAccount, string? AuxLabel, long DebitCents, long CreditCents);

/// <summary>
/// One accounting entry (« écriture »): a document or a movement of money, its lines balanced (debits = credits).
/// <see cref="Number"/> is sequential per journal over the exported period, in date order.
/// </summary>
internal sealed record Entry(string Journal, string JournalLabel, int Number, DateOnly Date, string Piece, DateOnly PieceDate, string Label, IReadOnlyList<EntryLine> Lines)
{
    public long DebitCents => Lines.Sum(l => l.DebitCents);

    public long CreditCents => Lines.Sum(l => l.CreditCents);
}

/// <summary>
/// The sales and bank journals of a period, written from what the ledger holds (ADR 0026): each invoice, deposit invoice,
/// cancellation indemnity and credit note issued in the period (by issue date) is a sales entry; each payment received
/// (by its day) and each refund (by its Paris day) a bank entry. A credit note or a refund is the reverse of what it
/// corrects. The final invoice posts only what its deposit invoices did not: the deposits deducted are taken off per
/// VAT rate and tourist tax as they were shared.
/// </summary>
internal static class AccountingEntries
{
    public const string SalesJournalLabel = "Journal des ventes";

    public const string BankJournalLabel = "Journal de banque";

    public static async Task<IReadOnlyList<Entry>> SalesAsync(PaymentDbContext db, AccountingSettings accounts, ExportPeriod period, CancellationToken cancellationToken)
    {
        var issued = await db.Invoices.AsNoTracking()
            .Where(i => i.Sequence > 0 && i.IssueDate >= period.From && i.IssueDate <= period.To)
            .ToListAsync(cancellationToken);
        var deductedNumbers = issued.SelectMany(i => i.Content.Deducted.Select(d => d.Number)).Distinct().ToList();
        var correctedIds = issued.Where(i => i.CorrectsInvoiceId is not null).Select(i => i.CorrectsInvoiceId!.Value).Distinct().ToList();
        var related = await db.Invoices.AsNoTracking().Where(i => deductedNumbers.Contains(i.Number) || correctedIds.Contains(i.Id)).ToListAsync(cancellationToken);
        var byNumber = related.ToDictionary(i => i.Number);
        var kinds = related.ToDictionary(i => i.Id, i => i.Kind);

        var entries = new List<Entry>();
        foreach (var invoice in issued.OrderBy(i => i.IssueDate).ThenBy(i => i.IssuedAt).ThenBy(i => i.Number, StringComparer.Ordinal))
        {
            var content = invoice.Content;
            var customer = Customer(accounts, content.Customer.Name, content.Customer.Email);
            var credit = invoice.Kind == InvoiceKind.CreditNote;
            var fee = invoice.Kind == InvoiceKind.CancellationFee
                || (credit && invoice.CorrectsInvoiceId is { } corrected && kinds.GetValueOrDefault(corrected) == InvoiceKind.CancellationFee);
            var parts = Parts(content);
            var customerCents = content.TotalCents;
            if (invoice.Kind == InvoiceKind.Final)
            {
                foreach (var deducted in content.Deducted)
                {
                    parts = Minus(parts, byNumber.TryGetValue(deducted.Number, out var deposit) ? Deducted(deposit, deducted.AmountCents) : Unknown(deducted.AmountCents));
                    customerCents -= deducted.AmountCents;
                }
            }

            var lines = new List<EntryLine> { Side(accounts.CustomerAccount, "Clients", customer, customerCents, debit: !credit) };
            foreach (var (rate, net, vat) in parts.Rates)
            {
                lines.Add(Side(fee ? accounts.CancellationFeeAccount : accounts.SalesAccountFor(rate), fee ? "Indemnités d'annulation" : $"Prestations de services {Vat.Label(rate)}", null, net, debit: credit));
                lines.Add(Side(accounts.VatAccountFor(rate), $"TVA collectée {Vat.Label(rate)}", null, vat, debit: credit));
            }

            lines.Add(Side(accounts.TouristTaxAccount, "Taxe de séjour collectée", null, parts.TouristTaxCents, debit: credit));
            lines.RemoveAll(l => l.DebitCents == 0 && l.CreditCents == 0);
            if (lines.Count > 0) // a final invoice whose deposits covered everything posts nothing more
            {
                entries.Add(new Entry(
                    accounts.SalesJournalCode, SalesJournalLabel, 0, invoice.IssueDate, invoice.Number, invoice.IssueDate,
                    $"{invoice.Kind.Label()} {invoice.Number} {content.Customer.Name}", lines));
            }
        }

        return Numbered(entries);
    }

    public static async Task<IReadOnlyList<Entry>> BankAsync(PaymentDbContext db, AccountingSettings accounts, ExportPeriod period, CancellationToken cancellationToken)
    {
        var payments = await db.Payments.AsNoTracking().Where(p => p.ReceivedOn >= period.From && p.ReceivedOn <= period.To).ToListAsync(cancellationToken);

        // A refund's Paris day: the UTC moments that bound the period, one day of margin, then filtered exactly.
        var start = ParisTime.At(period.From, TimeOnly.MinValue).AddDays(-1);
        var end = ParisTime.At(period.To, TimeOnly.MinValue).AddDays(2);
        var refunds = (await db.Refunds.AsNoTracking().Where(r => r.RefundedAt >= start && r.RefundedAt < end).ToListAsync(cancellationToken))
            .Where(r => period.Contains(ParisTime.Day(r.RefundedAt))).ToList();
        var caseIds = payments.Select(p => p.RequestId).Concat(refunds.Select(r => r.RequestId)).Distinct().ToList();
        var cases = await db.Cases.AsNoTracking().Where(c => caseIds.Contains(c.Id)).ToDictionaryAsync(c => c.Id, cancellationToken);
        var refundedPaymentIds = refunds.Select(r => r.PaymentId).Distinct().ToList();
        var refundedPayments = await db.Payments.AsNoTracking().Where(p => refundedPaymentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        var movements = new List<(DateOnly Day, DateTimeOffset At, Entry Entry)>();
        foreach (var payment in payments)
        {
            var (name, aux) = CaseCustomer(accounts, cases.GetValueOrDefault(payment.RequestId));
            var piece = Piece(payment.Reference, cases.GetValueOrDefault(payment.RequestId));
            movements.Add((payment.ReceivedOn, payment.RecordedAt, new Entry(
                accounts.BankJournalCode, BankJournalLabel, 0, payment.ReceivedOn, piece, payment.ReceivedOn,
                $"{payment.Kind.Label()} {payment.Method.Label()} {name}".Trim(),
                [
                    new EntryLine(accounts.BankAccount, "Banque", null, null, payment.AmountCents, 0),
                    Side(accounts.CustomerAccount, "Clients", aux, payment.AmountCents, debit: false),
                ])));
        }

        foreach (var refund in refunds)
        {
            var day = ParisTime.Day(refund.RefundedAt);
            var (name, aux) = CaseCustomer(accounts, cases.GetValueOrDefault(refund.RequestId));
            var piece = refund.Reference is { Length: > 0 } reference ? reference
                : refund.ProviderRefundId ?? Piece(refundedPayments.GetValueOrDefault(refund.PaymentId)?.Reference ?? "", cases.GetValueOrDefault(refund.RequestId));
            movements.Add((day, refund.RefundedAt, new Entry(
                accounts.BankJournalCode, BankJournalLabel, 0, day, piece, day, $"Remboursement {refund.Method?.Label() ?? "en ligne"} {name}".Trim(),
                [
                    Side(accounts.CustomerAccount, "Clients", aux, refund.AmountCents, debit: true),
                    new EntryLine(accounts.BankAccount, "Banque", null, null, 0, refund.AmountCents),
                ])));
        }

        return Numbered([.. movements.OrderBy(m => m.Day).ThenBy(m => m.At).Select(m => m.Entry)]);
    }

    /// <summary>
    /// The customer's auxiliary account when the organisation keeps them: « C » and 8 characters of the hash of their email,
    /// the same for a returning customer whatever the case, with no table to keep.
    /// </summary>
    public static (string? Number, string? Label) Customer(AccountingSettings accounts, string name, string email)
    {
        if (!accounts.CustomerAuxiliaryAccounts)
        {
            return (null, null);
        }

        var hash = SHA256.HashData(Encoding.UTF8.GetBytes(email.Trim().ToLowerInvariant()));
        return ("C" + Convert.ToHexString(hash, 0, 4), name);
    }

    private static (string Name, (string? Number, string? Label) Aux) CaseCustomer(AccountingSettings accounts, PaymentCase? account) =>
        account?.AcceptedContent is { } content
            ? (content.CustomerName, Customer(accounts, content.CustomerName, content.CustomerEmail))
            : ("", (null, null));

    private static string Piece(string reference, PaymentCase? account) =>
        reference is { Length: > 0 } ? reference : account?.QuoteNumber ?? "";

    private static EntryLine Side(string account, string label, (string? Number, string? Label)? aux, long cents, bool debit)
    {
        // A negative amount goes on the other side: an entry never shows a negative debit or credit.
        var onDebit = debit == cents >= 0;
        var amount = Math.Abs(cents);
        return new EntryLine(account, label, aux?.Number, aux?.Label, onDebit ? amount : 0, onDebit ? 0 : amount);
    }

    private static IReadOnlyList<Entry> Numbered(IReadOnlyList<Entry> entries) => [.. entries.Select((e, i) => e with { Number = i + 1 })];

    /// <summary>What a document posts apart from the customer: HT and VAT per rate, and the tourist tax.</summary>
    private sealed record Amounts(IReadOnlyList<(int Rate, long Net, long Vat)> Rates, long TouristTaxCents);

    private static Amounts Parts(InvoiceContent content) =>
        new([.. content.VatByRate.Select(r => (r.RateBasisPoints, r.NetCents, r.VatCents))], content.TouristTaxCents);

    private static Amounts Minus(Amounts whole, Amounts part) => new(
        [.. whole.Rates.Select(r => part.Rates.Where(p => p.Rate == r.Rate).Aggregate(r, (left, p) => (left.Rate, left.Net - p.Net, left.Vat - p.Vat)))
            .Concat(part.Rates.Where(p => whole.Rates.All(r => r.Rate != p.Rate)).Select(p => (p.Rate, -p.Net, -p.Vat)))],
        whole.TouristTaxCents - part.TouristTaxCents);

    /// <summary>
    /// What a final invoice deducts of a deposit invoice: the deposit as posted when all of it is deducted, else the amount
    /// left shared across its rates and tourist tax as its credit notes were (<see cref="InvoiceDrafts.Share"/>).
    /// </summary>
    private static Amounts Deducted(Invoice deposit, long leftCents)
    {
        var content = deposit.Content;
        if (leftCents == content.TotalCents)
        {
            return Parts(content);
        }

        var shares = InvoiceDrafts.Share(leftCents, [.. content.VatByRate.Select(r => r.NetCents + r.VatCents), content.TouristTaxCents]);
        var rates = content.VatByRate.Select((r, i) => (r.RateBasisPoints, Vat.Split(shares[i], r.RateBasisPoints))).Select(x => (x.RateBasisPoints, x.Item2.NetCents, x.Item2.VatCents));
        return new([.. rates], shares[^1]);
    }

    /// <summary>A deduction whose deposit invoice is not found (never in practice): taken off the first rate, so the entry still balances.</summary>
    private static Amounts Unknown(long cents) => new([(0, cents, 0)], 0);
}
