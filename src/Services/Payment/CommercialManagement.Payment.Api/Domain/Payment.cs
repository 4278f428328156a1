using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Payment.Api.Domain;

internal enum PaymentKind
{
    Deposit,
    Balance,
    Full,
}

internal enum PaymentMethod
{
    BankTransfer,
    Cheque,
    HolidayVouchers,
    Card,
    Cash,
}

/// <summary>One payment received for a case, in the ledger for good: what, how, when, and who recorded it.</summary>
internal sealed class Payment : ITenantOwned
{
    private Payment()
    {
    }

    public Guid Id { get; private set; }

    public Guid OrganisationId { get; private set; }

    public Guid RequestId { get; private set; }

    public Guid QuoteId { get; private set; }

    public long AmountCents { get; private set; }

    public PaymentKind Kind { get; private set; }

    public PaymentMethod Method { get; private set; }

    public string Reference { get; private set; } = "";

    public DateOnly ReceivedOn { get; private set; }

    public string RecordedBy { get; private set; } = "";

    public DateTimeOffset RecordedAt { get; private set; }

    public static Payment Record(PaymentCase account, PaymentKind kind, long amountCents, PaymentMethod method, string reference, DateOnly receivedOn, string recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), OrganisationId = account.OrganisationId, RequestId = account.Id, QuoteId = account.AcceptedQuoteId!.Value,
        AmountCents = amountCents, Kind = kind, Method = method, Reference = reference, ReceivedOn = receivedOn, RecordedBy = recordedBy, RecordedAt = now,
    };
}
