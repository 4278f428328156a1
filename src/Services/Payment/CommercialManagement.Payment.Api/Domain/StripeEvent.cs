namespace CommercialManagement.Payment.Api.Domain;

internal enum StripeEventOutcome
{
    /// <summary>It changed our books: a payment, a refund, a session ended.</summary>
    Applied,

    /// <summary>Nothing to do: a type we do not handle, or a state that needs no change.</summary>
    Ignored,

    /// <summary>What it reports is already recorded (the same payment or refund, by another event or a repeat).</summary>
    Duplicate,

    /// <summary>It does not match our payment request (ids, amount, currency): kept, shown to staff, never applied.</summary>
    Flagged,
}

/// <summary>
/// A webhook event as Stripe sent it (signature verified), kept by its id so that a repeat is stored once, then processed
/// once from here by the <c>StripeEventProcessor</c>. Not tenant-owned: the organisation is known only once the event
/// is matched with one of our payment requests (<see cref="OrganisationId"/> and <see cref="CaseId"/> are set then).
/// </summary>
internal sealed class StripeEvent
{
    private StripeEvent()
    {
    }

    public string Id { get; private set; } = "";

    public string Type { get; private set; } = "";

    public string Payload { get; private set; } = "";

    public DateTimeOffset ReceivedAt { get; private set; }

    public DateTimeOffset NextAttemptAt { get; private set; }

    public int Attempts { get; private set; }

    public DateTimeOffset? ProcessedAt { get; private set; }

    public StripeEventOutcome? Outcome { get; private set; }

    /// <summary>Why, in French, for staff: the reason of a flag, what was applied or ignored, or the last error.</summary>
    public string? Note { get; private set; }

    /// <summary>The provider's reference of a payment flagged because the case must not keep it: the money to give back.</summary>
    public string? RefundDueReference { get; private set; }

    public Guid? OwnerOrganisationId { get; private set; }

    public Guid? CaseId { get; private set; }

    public const int NoteMaxLength = 1000;

    public void Concerns(Guid organisationId, Guid caseId)
    {
        OwnerOrganisationId = organisationId;
        CaseId = caseId;
    }

    public void Processed(StripeEventOutcome outcome, string? note, DateTimeOffset now, string? refundDueReference = null)
    {
        Outcome = outcome;
        RefundDueReference = refundDueReference;
        Note = Clip(note);
        ProcessedAt = now;
    }

    /// <summary>Processing failed: it stays pending, tried again later (the delay doubles up to five minutes).</summary>
    public void Failed(string error, DateTimeOffset now)
    {
        Attempts++;
        NextAttemptAt = now + TimeSpan.FromSeconds(Math.Min(Math.Pow(2, Math.Min(Attempts, 9)), 300));
        Note = Clip("Erreur de traitement : " + error);
    }

    /// <summary>Too early to process (what it refers to is not recorded yet): pending, tried again with the same back-off.</summary>
    public void Waiting(string reason, DateTimeOffset now)
    {
        Failed(reason, now);
        Note = Clip("En attente : " + reason);
    }

    private static string? Clip(string? note) => note is { Length: > NoteMaxLength } ? note[..NoteMaxLength] : note;
}
