using System.Text;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.Idempotency;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.Contracts.PersonalData;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.BuildingBlocks.PersonalData;

/// <summary>
/// What a service found of an erased customer in its own rows (names, emails, phones as they were written), so that the
/// copies of them outside those rows go too: events this service already published (<c>outbox_messages</c>, kept a week
/// after sending) and the answers it stored for idempotent retries (<c>idempotency_keys</c>, a day). The inbox keeps
/// only message ids, nothing to erase there.
/// </summary>
public sealed class ErasureTraces
{
    private readonly HashSet<string> names = new(StringComparer.Ordinal);
    private readonly HashSet<string> emails = new(StringComparer.OrdinalIgnoreCase);
    private readonly HashSet<string> phones = new(StringComparer.Ordinal);

    public IReadOnlyCollection<string> Names => names;

    public IReadOnlyCollection<string> Emails => emails;

    public IReadOnlyCollection<string> Phones => phones;

    /// <summary>Remembers a customer's details as one row had them; blanks, the placeholders and very short values are left out.</summary>
    public ErasureTraces Add(string? name, string? email, string? phone)
    {
        if (Worth(name) && name!.Trim() != ErasedCustomer.Name)
        {
            names.Add(name.Trim());
        }

        if (Worth(email) && !string.Equals(email!.Trim(), ErasedCustomer.Email, StringComparison.OrdinalIgnoreCase))
        {
            emails.Add(email.Trim());
        }

        if (Worth(phone))
        {
            phones.Add(phone!.Trim());
        }

        return this;
    }

    /// <summary>
    /// In this organisation's events: the sent ones that mention the customer (or one of the cases) are deleted, the
    /// pending ones keep going with the details replaced (they are still owed to their consumers). Stored idempotent
    /// answers that mention the customer are deleted: a retry after an erasure is a new request. Returns the rows changed.
    /// </summary>
    public async Task<int> ForgetInMessagesAsync(DbContext db, Guid organisationId, IReadOnlyCollection<Guid> caseIds, CancellationToken cancellationToken)
    {
        var needles = names.Concat(emails).Concat(phones).ToList();
        var all = needles.Concat(caseIds.Select(id => id.ToString())).ToArray();
        var changed = 0;
        if (all.Length > 0)
        {
            changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
                DELETE FROM outbox_messages
                WHERE sent_at IS NOT NULL AND payload->>'organisationId' = {organisationId.ToString()}
                  AND EXISTS (SELECT 1 FROM unnest({all}) AS needle WHERE strpos(lower(payload::text), lower(needle)) > 0)
                """, cancellationToken);
        }

        // Pending events are still owed to their consumers: only those of the erased cases are rewritten (the same name on
        // another customer's case, or the same customer's case that is kept, goes out as it is), whatever the case of the
        // letters (the emails are matched so).
        var cases = caseIds.Select(id => id.ToString()).ToArray();
        foreach (var (needle, replacement) in Replacements())
        {
            var pattern = PostgresRegex(needle);
            changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE outbox_messages SET payload = regexp_replace(payload::text, {pattern}, {replacement}, 'gi')::jsonb
                WHERE sent_at IS NULL AND payload->>'organisationId' = {organisationId.ToString()}
                  AND payload::text ~* {pattern}
                  AND (cardinality({cases}) = 0 OR EXISTS (SELECT 1 FROM unnest({cases}) AS id WHERE strpos(lower(payload::text), id) > 0))
                """, cancellationToken);
        }

        if (db.Model.FindEntityType(typeof(IdempotencyRecord)) is not null && needles.Count > 0)
        {
            // Stored answers are JSON written with escaped non-ASCII characters (« \u00E9 »): both spellings are looked for.
            var bytes = needles.Concat(needles.Select(Escaped)).Distinct().Select(n => Encoding.UTF8.GetBytes(n)).ToArray();
            foreach (var needle in bytes)
            {
                changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
                    DELETE FROM idempotency_keys WHERE organisation_id = {organisationId} AND body IS NOT NULL AND position({needle} in body) > 0
                    """, cancellationToken);
            }
        }

        return changed;
    }

    /// <summary>
    /// The ending every service's part of an erasure shares, in the consumer's transaction: the customer forgotten in this
    /// service's messages (<see cref="ForgetInMessagesAsync"/>), then <see cref="CustomerErased"/> with every row changed
    /// added to the outbox (the gateway's record of the erasure learns from it that this service is done), and saved.
    /// </summary>
    /// <param name="service">The service's name as the gateway's record lists it (« inbox », « quote »...).</param>
    /// <param name="rowsChanged">The rows the service changed in its own tables before this call.</param>
    public async Task FinishErasureAsync(
        DbContext db, CustomerErasureRequested erasure, string service, IReadOnlyCollection<Guid> caseIds, int rowsChanged, DateTimeOffset now,
        CancellationToken cancellationToken)
    {
        rowsChanged += await ForgetInMessagesAsync(db, erasure.OrganisationId, caseIds, cancellationToken);
        db.AddToOutbox(new CustomerErased
        {
            OrganisationId = erasure.OrganisationId, OccurredAt = now, ErasureId = erasure.ErasureId, Service = service, RowsChanged = rowsChanged,
        });
        await db.SaveChangesAsync(cancellationToken);
    }

    /// <summary>The text with every name, email and phone of the customer replaced by the placeholders (history lines, alerts).</summary>
    public string Redact(string text)
    {
        foreach (var (needle, replacement) in Replacements())
        {
            text = text.Replace(needle, replacement, StringComparison.OrdinalIgnoreCase);
        }

        return text;
    }

    private IEnumerable<(string Needle, string Replacement)> Replacements() =>
        emails.Select(e => (e, ErasedCustomer.Email))
            .Concat(names.OrderByDescending(n => n.Length).Select(n => (n, ErasedCustomer.Name)))
            .Concat(phones.Select(p => (p, "")));

    /// <summary>The value as a literal in a PostgreSQL regular expression (its special characters escaped).</summary>
    private static string PostgresRegex(string value) => System.Text.RegularExpressions.Regex.Replace(value, @"[\\.^$*+?()\[\]{}|]", @"\$0");

    private static string Escaped(string value) => JsonSerializer.Serialize(value)[1..^1];

    private static bool Worth(string? value) => !string.IsNullOrWhiteSpace(value) && value.Trim().Length >= 3;
}
