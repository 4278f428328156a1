namespace CommercialManagement.Payment.Api.Domain;

/// <summary>A move the ledger refuses, in French for whoever tried it; <see cref="Field"/> names the input at fault, when one is.</summary>
internal sealed class LedgerRuleException(string reason, string? field = null) : Exception(reason)
{
    public string? Field { get; } = field;
}

internal enum OnlinePaymentOutcome
{
    /// <summary>In the ledger now.</summary>
    Recorded,

    /// <summary>The same payment is in the ledger already (another event of it, or a repeat).</summary>
    AlreadyRecorded,

    /// <summary>Money the case must not keep (its request paid or withdrawn already, or above the accepted total): not counted, to give back.</summary>
    ToRefund,
}

/// <summary>What became of a payment reported online, and why (in French, for staff).</summary>
internal sealed record OnlinePaymentResult(OnlinePaymentOutcome Outcome, Payment? Payment, string Note);
