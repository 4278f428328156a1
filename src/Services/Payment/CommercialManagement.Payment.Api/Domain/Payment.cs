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

    /// <summary>The payment request it settles, when paid online against one.</summary>
    public Guid? PaymentRequestId { get; private set; }

    /// <summary>The provider's id of the money received (the payment intent, <c>pi_…</c>): unique, so it is recorded once.</summary>
    public string? ProviderReference { get; private set; }

    public static Payment Record(PaymentCase account, PaymentKind kind, long amountCents, PaymentMethod method, string reference, DateOnly receivedOn, string recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), OrganisationId = account.OrganisationId, RequestId = account.Id, QuoteId = account.AcceptedQuoteId!.Value,
        AmountCents = amountCents, Kind = kind, Method = method, Reference = reference, ReceivedOn = receivedOn, RecordedBy = recordedBy, RecordedAt = now,
    };

    /// <summary>A payment made online against <paramref name="request"/>: its quote, kind and amount are the request's.</summary>
    public static Payment Online(PaymentRequest request, string providerReference, DateOnly receivedOn, string recordedBy, DateTimeOffset now) => new()
    {
        Id = Guid.CreateVersion7(now), OrganisationId = request.OrganisationId, RequestId = request.RequestId, QuoteId = request.QuoteId,
        AmountCents = request.AmountCents, Kind = request.Kind, Method = PaymentMethod.Card, Reference = providerReference, ReceivedOn = receivedOn,
        RecordedBy = recordedBy, RecordedAt = now, PaymentRequestId = request.Id, ProviderReference = providerReference,
    };
}
