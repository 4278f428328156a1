using CommercialManagement.BuildingBlocks.Legal;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.PersonalData;
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
/// corrects. The final invoice posts only what its deposit invoices did not: each deposit deducted is taken off per VAT
/// rate and tourist tax as it was posted, less what its credit notes posted (<see cref="PostedAmounts.Deducted"/>).
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
        var depositIds = related.Where(i => deductedNumbers.Contains(i.Number)).Select(i => (Guid?)i.Id).ToList();
        var depositCredits = await db.Invoices.AsNoTracking().Where(i => i.Sequence > 0 && depositIds.Contains(i.CorrectsInvoiceId)).ToListAsync(cancellationToken);
        var erased = await ErasedCustomersAsync(
            db, issued.Where(i => i.Content.Customer.Email == ErasedCustomer.Email && i.Content.Customer.Account is null).Select(i => i.RequestId), cancellationToken);
        return Sales(accounts, issued, [.. related, .. depositCredits], erased);
    }

    /// <summary>
    /// The sales entries of <paramref name="issued"/>; <paramref name="related"/> holds, whatever their period, the documents
    /// they name (the deposit invoices deducted, the invoices corrected) and the credit notes of those deposit invoices;
    /// <paramref name="erased"/> the customer of an erased case as its invoices kept them (<see cref="ErasedCustomersAsync"/>),
    /// for a document issued after the erasure, which was drafted without them.
    /// </summary>
    public static IReadOnlyList<Entry> Sales(
        AccountingSettings accounts, IReadOnlyList<Invoice> issued, IReadOnlyList<Invoice> related, IReadOnlyDictionary<Guid, InvoiceCustomer>? erased = null)
    {
        var known = related.Where(i => i.IsNumbered).DistinctBy(i => i.Id).ToList();
        var byNumber = known.ToDictionary(i => i.Number);
        var kinds = known.ToDictionary(i => i.Id, i => i.Kind);
        var creditsOf = known.Where(i => i.Kind == InvoiceKind.CreditNote && i.CorrectsInvoiceId is not null).ToLookup(i => i.CorrectsInvoiceId!.Value);

        var entries = new List<Entry>();
        foreach (var invoice in issued.Where(i => i.IsNumbered).OrderBy(i => i.IssueDate).ThenBy(i => i.IssuedAt).ThenBy(i => i.Number, StringComparer.Ordinal))
        {
            var content = invoice.Content;
            var named = content.Customer.Account is null && erased?.GetValueOrDefault(invoice.RequestId) is { } kept ? kept : content.Customer;
            var customer = Customer(accounts, named.Name, named.Email, named.Account);
            var credit = invoice.Kind == InvoiceKind.CreditNote;
            var fee = invoice.Kind == InvoiceKind.CancellationFee
                || (credit && invoice.CorrectsInvoiceId is { } corrected && kinds.GetValueOrDefault(corrected) == InvoiceKind.CancellationFee);
            var parts = PostedAmounts.Of(content);
            var customerCents = content.TotalCents;
            if (invoice.Kind == InvoiceKind.Final)
            {
                foreach (var deducted in content.Deducted)
                {
                    parts = parts.Minus(byNumber.TryGetValue(deducted.Number, out var deposit)
                        ? PostedAmounts.Deducted(deposit, deducted.AmountCents, creditsOf[deposit.Id])
                        : PostedAmounts.Unknown(deducted.AmountCents));
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
                    $"{invoice.Kind.Label()} {invoice.Number} {named.Name}", lines));
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
        var invoiced = await ErasedCustomersAsync(db, cases.Values.Where(c => c.AcceptedContent?.CustomerEmail == ErasedCustomer.Email).Select(c => c.Id), cancellationToken);
        var refundedPaymentIds = refunds.Select(r => r.PaymentId).Distinct().ToList();
        var refundedPayments = await db.Payments.AsNoTracking().Where(p => refundedPaymentIds.Contains(p.Id)).ToDictionaryAsync(p => p.Id, cancellationToken);

        var movements = new List<(DateOnly Day, DateTimeOffset At, Entry Entry)>();
        foreach (var payment in payments)
        {
            var (name, aux) = CaseCustomer(accounts, cases.GetValueOrDefault(payment.RequestId), invoiced);
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
            var (name, aux) = CaseCustomer(accounts, cases.GetValueOrDefault(refund.RequestId), invoiced);
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
    /// The customer's auxiliary account when the organisation keeps them (<see cref="CustomerAccount"/>): the one an erasure
    /// kept on the invoice, else the one of the email.
    /// </summary>
    public static (string? Number, string? Label) Customer(AccountingSettings accounts, string name, string email, string? account = null) =>
        accounts.CustomerAuxiliaryAccounts ? (account ?? CustomerAccount.Of(email), name) : (null, null);

    /// <summary>
    /// The customer of cases an erasure emptied, as their invoices keep them (the name the law keeps, the account the erasure
    /// wrote): the latest invoice that has the account, else the latest one. The bank journal of a past period, and a
    /// document issued after the erasure (drafted from the emptied case), still name and count each customer apart.
    /// </summary>
    private static async Task<Dictionary<Guid, InvoiceCustomer>> ErasedCustomersAsync(PaymentDbContext db, IEnumerable<Guid> caseIds, CancellationToken cancellationToken)
    {
        var erased = caseIds.Distinct().ToList();
        if (erased.Count == 0)
        {
            return [];
        }

        var invoices = await db.Invoices.AsNoTracking().Where(i => i.Sequence > 0 && erased.Contains(i.RequestId)).ToListAsync(cancellationToken);
        return invoices.GroupBy(i => i.RequestId).ToDictionary(
            g => g.Key,
            g => g.OrderBy(i => i.Content.Customer.Account is not null).ThenBy(i => i.IssuedAt).ThenBy(i => i.Number, StringComparer.Ordinal).Last().Content.Customer);
    }

    private static (string Name, (string? Number, string? Label) Aux) CaseCustomer(AccountingSettings accounts, PaymentCase? account, IReadOnlyDictionary<Guid, InvoiceCustomer> invoiced) =>
        account?.AcceptedContent is not { } content ? ("", (null, null))
        : invoiced.GetValueOrDefault(account.Id) is { } customer ? (customer.Name, Customer(accounts, customer.Name, customer.Email, customer.Account))
        : (content.CustomerName, Customer(accounts, content.CustomerName, content.CustomerEmail));

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
}
