namespace CommercialManagement.ServiceDefaults.Idempotency;

/// <summary>
/// The header a caller sends with a creating or money-moving POST so that sending it again (a double click, a retry after
/// a timeout) applies it once: the services answer the same key with the stored answer (docs/adr/0011-idempotency-keys.md).
/// </summary>
public static class IdempotencyHeaders
{
    public const string Key = "Idempotency-Key";

    /// <summary>On an answer given again from the store, not from a second run of the request.</summary>
    public const string Replayed = "Idempotency-Replayed";

    public const int MaxKeyLength = 100;

    /// <summary>A key as the pages make them: a new GUID, 32 hexadecimal digits.</summary>
    public static string NewKey() => Guid.NewGuid().ToString("N");

    /// <summary>1 to 100 visible ASCII characters (a GUID, a ULID, any opaque string of the caller's).</summary>
    public static bool IsValid(string? key) =>
        key is { Length: > 0 and <= MaxKeyLength } && key.All(c => c is >= '!' and <= '~');
}
