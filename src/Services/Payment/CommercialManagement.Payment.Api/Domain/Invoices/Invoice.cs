using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain.Invoices;

internal enum InvoiceKind
{
    /// <summary>« Facture d'acompte »: a deposit received for a service not yet delivered.</summary>
    Deposit,

    /// <summary>The final invoice: the whole service, the deposits invoiced deducted.</summary>
    Final,

    /// <summary>« Avoir »: corrects or cancels (part of) an invoice; its own series.</summary>
    CreditNote,

    /// <summary>The cancellation indemnity the terms retain, invoiced outside the scope of VAT once the sale is credited.</summary>
    CancellationFee,
}

internal static class InvoiceKinds
{
    public static string Label(this InvoiceKind kind) => kind switch
    {
        InvoiceKind.Deposit => "Facture d'acompte",
        InvoiceKind.Final => "Facture",
        InvoiceKind.CreditNote => "Avoir",
        InvoiceKind.CancellationFee => "Facture (indemnité d'annulation)",
        _ => kind.ToString(),
    };
}

/// <summary>
/// An invoice or a credit note of a case. Created by the <see cref="CaseLedger"/> with its content frozen, numbered when
/// it is saved (<see cref="Numbered"/>: the next number of its organisation's series, in the saving transaction), and
/// never changed after. A correction is a credit note that names the invoice it corrects.
/// </summary>
internal sealed class Invoice : ITenantOwned
{
    /// <summary>Invoices (deposit and final) share one series; credit notes have their own.</summary>
    public const string InvoiceSeries = "FA";

    public const string CreditNoteSeries = "AV";

    private Invoice()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    /// <summary>The case (the request's id).</summary>
    public Guid RequestId { get; private set; }

    public Guid QuoteId { get; private set; }

    public InvoiceKind Kind { get; private set; }

    /// <summary>« FA » or « AV ».</summary>
    public string Series { get; private set; } = "";

    /// <summary>The year of the series (Europe/Paris): numbering starts again at 1 each year, the year in the number.</summary>
    public int Year { get; private set; }

    /// <summary>0 until numbered.</summary>
    public int Sequence { get; private set; }

    /// <summary>« FA-2026-00042 »; empty until numbered.</summary>
    public string Number { get; private set; } = "";

    public DateTimeOffset IssuedAt { get; private set; }

    public DateOnly IssueDate { get; private set; }

    /// <summary>What the document is worth, tourist tax included (a credit note's is what it credits, positive).</summary>
    public long AmountCents { get; private set; }

    /// <summary>The payment a deposit invoice acknowledges.</summary>
    public Guid? PaymentId { get; private set; }

    /// <summary>The invoice a credit note corrects.</summary>
    public Guid? CorrectsInvoiceId { get; private set; }

    public InvoiceContent Content { get; private set; } = null!;

    public bool IsNumbered => Sequence > 0;

    public static Invoice Draft(PaymentCase account, InvoiceKind kind, InvoiceContent content, long amountCents, DateOnly issueDate, Guid? paymentId = null, Guid? correctsInvoiceId = null) => new()
    {
        Id = Guid.CreateVersion7(), OrganisationId = account.OrganisationId, RequestId = account.Id, QuoteId = account.AcceptedQuoteId!.Value, Kind = kind,
        Series = kind == InvoiceKind.CreditNote ? CreditNoteSeries : InvoiceSeries, Year = issueDate.Year, IssueDate = issueDate, Content = content,
        AmountCents = amountCents, PaymentId = paymentId, CorrectsInvoiceId = correctsInvoiceId,
    };

    /// <summary>Gives the document its number, once; the issue time is the numbering's, so numbers follow issue times.</summary>
    public void Numbered(int sequence, DateTimeOffset issuedAt)
    {
        if (IsNumbered)
        {
            throw new InvalidOperationException($"Invoice {Number} is numbered already.");
        }

        ArgumentOutOfRangeException.ThrowIfNegativeOrZero(sequence);
        Sequence = sequence;
        Number = $"{Series}-{Year}-{sequence:D5}";
        IssuedAt = issuedAt;
    }
}
