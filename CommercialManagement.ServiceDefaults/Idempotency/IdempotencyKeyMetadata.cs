namespace CommercialManagement.ServiceDefaults.Idempotency;

/// <summary>
/// Endpoint metadata saying "this endpoint honours <c>Idempotency-Key</c>": the filter that does the work is invisible to
/// the route table, so the API description reads this marker to document the header (and its 409 and 422).
/// </summary>
public sealed class IdempotencyKeyMetadata
{
    public static readonly IdempotencyKeyMetadata Instance = new();

    private IdempotencyKeyMetadata()
    {
    }
}
