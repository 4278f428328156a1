using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.BuildingBlocks.Idempotency;

/// <summary>
/// A request made with an <c>Idempotency-Key</c>: inserted by the same SaveChanges as the request's effect (so the key is
/// taken if and only if the effect committed), then completed with the answer given, which a repeat gets again.
/// Scoped by caller (organisation and staff member, or the customer space): nobody reads another's answer.
/// </summary>
public sealed class IdempotencyRecord
{
    public const string Table = "idempotency_keys";

    /// <summary>How long a key is honoured (a client retrying the next day sends a new one); then the housekeeping deletes it.</summary>
    public static readonly TimeSpan Retention = TimeSpan.FromHours(24);

    private IdempotencyRecord()
    {
    }

    /// <summary>"{organisation}/{staff member}" or "space/{hash of the customer-space token}".</summary>
    public string Scope { get; private set; } = "";

    public string Key { get; private set; } = "";

    /// <summary>The method and route pattern, for whoever reads the table.</summary>
    public string Operation { get; private set; } = "";

    /// <summary>SHA-256 of the method, the path and the body as bound: the same key with another request is refused.</summary>
    public string Fingerprint { get; private set; } = "";

    /// <summary>Not <c>OrganisationId</c>: the row is no tenant's query-filtered data (a customer space's key is taken before its organisation is known); <see cref="Scope"/> keeps organisations apart.</summary>
    public Guid? OwnerOrganisationId { get; private set; }

    public DateTimeOffset CreatedAt { get; private set; }

    public int? StatusCode { get; private set; }

    public string? ContentType { get; private set; }

    public string? Location { get; private set; }

    public byte[]? Body { get; private set; }

    public DateTimeOffset? CompletedAt { get; private set; }

    public static IdempotencyRecord Claim(string scope, string key, string operation, string fingerprint, Guid? organisationId, DateTimeOffset now) => new()
    {
        Scope = scope, Key = key, Operation = operation, Fingerprint = fingerprint, OwnerOrganisationId = organisationId, CreatedAt = now,
    };

    public void Complete(StoredResponse response, Guid? organisationId, DateTimeOffset now)
    {
        (StatusCode, ContentType, Location, Body, CompletedAt) = (response.StatusCode, response.ContentType, response.Location, response.Body, now);
        OwnerOrganisationId ??= organisationId;
    }

    public StoredResponse? Answer => StatusCode is { } status ? new StoredResponse(status, ContentType, Location, Body ?? []) : null;
}

public static class IdempotencyModel
{
    /// <summary>Adds the idempotency keys' table to a service's model; call it from ConfigureModel.</summary>
    public static ModelBuilder AddIdempotencyKeys(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<IdempotencyRecord>(record =>
        {
            record.ToTable(IdempotencyRecord.Table);
            record.HasKey(r => new { r.Scope, r.Key }).HasName("pk_idempotency_keys");
            record.Property(r => r.Scope).HasColumnName("scope").HasMaxLength(100);
            record.Property(r => r.Key).HasColumnName("key").HasMaxLength(ServiceDefaults.Idempotency.IdempotencyHeaders.MaxKeyLength);
            record.Property(r => r.Operation).HasColumnName("operation").HasMaxLength(300);
            record.Property(r => r.Fingerprint).HasColumnName("fingerprint").HasMaxLength(64);
            record.Property(r => r.OwnerOrganisationId).HasColumnName("organisation_id");
            record.Property(r => r.CreatedAt).HasColumnName("created_at");
            record.Property(r => r.StatusCode).HasColumnName("status_code");
            record.Property(r => r.ContentType).HasColumnName("content_type").HasMaxLength(200);
            record.Property(r => r.Location).HasColumnName("location").HasMaxLength(2000);
            record.Property(r => r.Body).HasColumnName("body");
            record.Property(r => r.CompletedAt).HasColumnName("completed_at");
            record.HasIndex(r => r.CreatedAt).HasDatabaseName("ix_idempotency_keys_created_at");
        });
        return modelBuilder;
    }
}
