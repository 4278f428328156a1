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

    private void InvoiceReceived(Payment payment, DateTimeOffset now)
    {
        if (Case.AcceptedContent is not { } content || FinalInvoice is not null)
        {
            return;
        }

        if (HeldCents >= Case.AcceptedTotalCents && !Seller.FinalInvoiceWhenProcessed)
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

    private Invoice Draft(InvoiceKind kind, InvoiceContent content, long amountCents, DateTimeOffset now, Guid? paymentId = null)
    {
        var draft = Invoice.Draft(Case, kind, content, amountCents, ParisTime.Day(now), paymentId);
        invoices.Add(draft);
        added.Add(draft);
        return draft;
    }
}
