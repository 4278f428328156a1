using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Payment.Api.Domain.Invoices;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>
/// The invoices of a case's ledger. A deposit received gets its « facture d'acompte »; the payment that settles the
/// accepted total gets the final invoice instead (or « Commande traitée » does, when the organisation says so), deducting
/// the deposit invoices. Drafted here with their content frozen, numbered when saved (<see cref="Number"/>).
/// </summary>
internal sealed partial class CaseLedger
{
    private readonly List<Invoice> invoices;

    /// <summary>The organisation as its invoices name it, and its invoicing settings.</summary>
    public OrganisationSettings Seller { get; }

    /// <summary>Issued and drafted in this unit of work, invoices first then credit notes, each in number order.</summary>
    public IReadOnlyList<Invoice> Invoices => invoices;

    /// <summary>The drafts the caller numbers before saving (<see cref="Number"/>).</summary>
    public IReadOnlyList<Invoice> Unnumbered => [.. invoices.Where(i => !i.IsNumbered)];

    /// <summary>
    /// « The final invoice »: the latest one an amendment did not replace (an amended order's first final invoice stays
    /// issued, credited, and the next one is made from the amended content).
    /// </summary>
    public Invoice? FinalInvoice => invoices.LastOrDefault(i => i.Kind == InvoiceKind.Final && !Case.ReplacedInvoiceIds.Contains(i.Id));

    /// <summary>
    /// What the case's invoices count, net of the credit notes: each facture d'acompte and indemnity for its amount, each
    /// final invoice for its total less the deposit invoices it deducts (it absorbs them), each credit note less. It follows
    /// what the case holds, up to the accepted total (more when an invoice shows an amount still due).
    /// </summary>
    public long InvoicedCents => invoices.Sum(Counted);

    /// <summary>
    /// Gives a draft its number (the next of its series, taken by the caller in the saving transaction) and raises
    /// <c>InvoiceIssued</c>.
    /// </summary>
    public void Number(Invoice draft, int sequence, DateTimeOffset now)
    {
        if (!invoices.Contains(draft))
        {
            throw new ArgumentException("The invoice is not one of this ledger's.", nameof(draft));
        }

        draft.Numbered(sequence, now);
        var content = draft.Content;
        events.Add(new InvoiceIssued
        {
            OrganisationId = Case.OrganisationId, OccurredAt = now, RequestId = Case.Id, InvoiceId = draft.Id, Number = draft.Number, Kind = draft.Kind.ToString(),
            IssueDate = draft.IssueDate, AmountCents = draft.AmountCents, CustomerName = content.Customer.Name, CustomerEmail = content.Customer.Email,
            Language = content.Language, CorrectsNumber = content.Corrects?.Number,
        });
    }

    /// <summary>
    /// « Commande traitée », for an organisation whose final invoice waits for it: the final invoice, what is unpaid shown
    /// due. Nothing when it was issued already or when the accepted quote's content is unknown; returns it otherwise.
    /// </summary>
    public Invoice? IssueFinalOnProcessed(DateTimeOffset now)
    {
        if (!Seller.FinalInvoiceWhenProcessed || FinalInvoice is not null || Case.AcceptedContent is null || Case.AcceptedQuoteVoided || Case.IsCancelled)
        {
            return null;
        }

        return DraftFinal(now);
    }

    /// <summary>
    /// The invoice that acknowledges a payment's money: the final invoice once issued (it covers everything), else the
    /// payment's own facture d'acompte; none when the payment was never invoiced (an acceptance without content).
    /// </summary>
    public Invoice? InvoiceOf(Guid paymentId) =>
        FinalInvoice is { IsNumbered: true } final ? final : invoices.SingleOrDefault(i => i.Kind == InvoiceKind.Deposit && i.PaymentId == paymentId && i.IsNumbered);

    /// <summary>
    /// Money given back on a payment gets its « avoir », naming the invoice that acknowledged the money; nothing when that
    /// payment was never invoiced. It credits only what the invoices still count beyond what the case holds once the refund
    /// is recorded (never more than the invoice has left): a surplus given back after an amendment lowered the total was
    /// never in the new final invoice, so it gets no credit note.
    /// </summary>
    private void CreditRefund(Refund refund, string reason, DateTimeOffset now)
    {
        // A cancelled case's invoices were credited in full when it was cancelled: a refund arriving after needs no other.
        if (Case.IsCancelled || InvoiceOf(refund.PaymentId) is not { } corrected)
        {
            return;
        }

        var amount = Math.Min(refund.AmountCents, Math.Min(InvoicedCents - HeldCents, corrected.AmountCents - CreditedCents(corrected)));
        if (amount <= 0)
        {
            return;
        }

        Draft(InvoiceKind.CreditNote, InvoiceDrafts.CreditNote(corrected, amount, reason, Seller), amount, now, refund.PaymentId, corrected.Id);
    }

    /// <summary>What the credit notes correcting <paramref name="invoice"/> credited so far.</summary>
    private long CreditedCents(Invoice invoice) =>
        invoices.Where(i => i.Kind == InvoiceKind.CreditNote && i.CorrectsInvoiceId == invoice.Id).Sum(i => i.AmountCents);

    private static long Counted(Invoice invoice) =>
        invoice.Kind == InvoiceKind.CreditNote ? -invoice.AmountCents : invoice.AmountCents - invoice.Content.Deducted.Sum(d => d.AmountCents);

    private void InvoiceReceived(Payment payment, DateTimeOffset now)
    {
        if (Case.AcceptedContent is not { } content || FinalInvoice is not null)
        {
            return;
        }

        if (SettledCents >= Case.AcceptedTotalCents && !Seller.FinalInvoiceWhenProcessed)
        {
            DraftFinal(now);
            return;
        }

        Draft(InvoiceKind.Deposit, InvoiceDrafts.Deposit(content, Case.QuoteNumber ?? "", Seller, payment), payment.AmountCents, now, payment.Id);
    }

    /// <summary>
    /// The final invoice of the accepted content: the deposit invoices deducted for what their credit notes left of them
    /// (a refunded deposit is not deducted twice), the payments none of them acknowledged.
    /// </summary>
    private Invoice DraftFinal(DateTimeOffset now)
    {
        var deposits = invoices.Where(i => i.Kind == InvoiceKind.Deposit).ToList();
        var acknowledged = deposits.Select(d => d.PaymentId).ToHashSet();
        var deducted = deposits.Select(d => (Invoice: d, LeftCents: d.AmountCents - CreditedCents(d))).Where(d => d.LeftCents > 0).ToList();
        var content = InvoiceDrafts.Final(Case.AcceptedContent!, Case.QuoteNumber ?? "", Seller, deducted, [.. payments.Where(p => !acknowledged.Contains(p.Id))]);
        return Draft(InvoiceKind.Final, content, content.TotalCents, now);
    }

    private Invoice Draft(InvoiceKind kind, InvoiceContent content, long amountCents, DateTimeOffset now, Guid? paymentId = null, Guid? correctsInvoiceId = null)
    {
        var draft = Invoice.Draft(Case, kind, content, amountCents, ParisTime.Day(now), paymentId, correctsInvoiceId);
        invoices.Add(draft);
        added.Add(draft);
        return draft;
    }
}
