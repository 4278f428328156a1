using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.BuildingBlocks.Scheduling;

/// <summary>
/// What a scheduled job did once: one row per subject (a case, a quote, a payment request), kind (« balance-reminder-before »)
/// and due date, under a unique key. A job claims the row in the same transaction as its effect (the event in the outbox, the
/// state it changes): a second instance, a second firing or a retry after a crash finds the row and does nothing, and a
/// rolled-back effect leaves no row (ADR 0023). A new due date (the stay moved) is a new key: that reminder may go again.
/// </summary>
public sealed class ScheduledOnce
{
    public const string Table = "scheduled_once";

    private ScheduledOnce()
    {
    }

    public Guid SubjectId { get; private set; }

    public string Kind { get; private set; } = "";

    public DateOnly DueOn { get; private set; }

    public Guid OrganisationId { get; private set; }

    public DateTimeOffset DoneAt { get; private set; }
}

public static class ScheduledOnceModel
{
    /// <summary>Adds the <see cref="ScheduledOnce"/> table to a service's model; call it from OnModelCreating.</summary>
    public static ModelBuilder AddScheduledOnce(this ModelBuilder modelBuilder)
    {
        modelBuilder.Entity<ScheduledOnce>(once =>
        {
            once.ToTable(ScheduledOnce.Table);
            once.HasKey(o => new { o.SubjectId, o.Kind, o.DueOn }).HasName("pk_scheduled_once");
            once.Property(o => o.SubjectId).HasColumnName("subject_id");
            once.Property(o => o.Kind).HasColumnName("kind").HasMaxLength(60);
            once.Property(o => o.DueOn).HasColumnName("due_on");
            once.Property(o => o.OrganisationId).HasColumnName("organisation_id");
            once.Property(o => o.DoneAt).HasColumnName("done_at");
            once.HasIndex(o => o.DoneAt).HasDatabaseName("ix_scheduled_once_done_at");
        });
        return modelBuilder;
    }

    /// <summary>
    /// Claims the step <paramref name="kind"/> of <paramref name="subjectId"/> for <paramref name="dueOn"/>, in the caller's
    /// transaction: true the first time, false when it was already done (by this firing's twin, or an earlier one).
    /// </summary>
    public static async Task<bool> ClaimOnceAsync(
        this DbContext db, Guid organisationId, Guid subjectId, string kind, DateOnly dueOn, DateTimeOffset now, CancellationToken cancellationToken) =>
        await db.Database.ExecuteSqlAsync($"""
            INSERT INTO scheduled_once (subject_id, kind, due_on, organisation_id, done_at)
            VALUES ({subjectId}, {kind}, {dueOn}, {organisationId}, {now})
            ON CONFLICT ON CONSTRAINT pk_scheduled_once DO NOTHING
            """, cancellationToken) == 1;

    /// <summary>Whether the step was done (for what a page shows: « Relance envoyée le … »).</summary>
    public static Task<bool> DoneOnceAsync(this DbContext db, Guid subjectId, string kind, DateOnly dueOn, CancellationToken cancellationToken) =>
        db.Set<ScheduledOnce>().AnyAsync(o => o.SubjectId == subjectId && o.Kind == kind && o.DueOn == dueOn, cancellationToken);
}
