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

    public Invoice? FinalInvoice => invoices.SingleOrDefault(i => i.Kind == InvoiceKind.Final);

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
        if (!Seller.FinalInvoiceWhenProcessed || FinalInvoice is not null || Case.AcceptedContent is null || Case.AcceptedQuoteVoided)
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
    /// payment was never invoiced.
    /// </summary>
    private void CreditRefund(Refund refund, string reason, DateTimeOffset now)
    {
        // A cancelled case's invoices were credited in full when it was cancelled: a refund arriving after needs no other.
        if (Case.IsCancelled || InvoiceOf(refund.PaymentId) is not { } corrected)
        {
            return;
        }

        Draft(InvoiceKind.CreditNote, InvoiceDrafts.CreditNote(corrected, refund.AmountCents, reason, Seller), refund.AmountCents, now, refund.PaymentId, corrected.Id);
    }

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

    private Invoice DraftFinal(DateTimeOffset now)
    {
        var deposits = invoices.Where(i => i.Kind == InvoiceKind.Deposit).ToList();
        var acknowledged = deposits.Select(d => d.PaymentId).ToHashSet();
        var content = InvoiceDrafts.Final(Case.AcceptedContent!, Case.QuoteNumber ?? "", Seller, deposits, [.. payments.Where(p => !acknowledged.Contains(p.Id))]);
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
