using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Payment.Api.Features.Exports;
using CommercialManagement.Payment.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Payment.Api.Features.PersonalData;

/// <summary>
/// Payment's part of an erasure, in the event's organisation and the inbox's transaction (ADR 0027). Issued invoices,
/// deposit invoices and credit notes keep what French law requires on them for ten years (the customer's name and
/// address, and a business customer's company and VAT numbers: art. 242 nonies A of annex II of the CGI) and lose the
/// email; the case's copy of the accepted quote loses the customer entirely; the provider's events, references and
/// reasons lose any name or address of the customer they quoted. Amounts, dates and numbers stay. Before its email goes,
/// each invoice gets the customer's auxiliary account written on it (<see cref="CustomerAccount"/>: « C » and 8 characters
/// of the email's hash, never the email), so a past period's journals exported again keep each customer's own account
/// rather than merging every erased customer into one: the accounting records and their supporting documents are kept
/// ten years (art. L123-22 of the Code de commerce) and must read the same. A second delivery changes nothing.
/// </summary>
internal sealed class CustomerErasureConsumer(PaymentDbContext db, TimeProvider timeProvider) : IConsumer<CustomerErasureRequested>
{
    public async Task Consume(ConsumeContext<CustomerErasureRequested> context)
    {
        var erasure = context.Message;
        var cancellationToken = context.CancellationToken;
        var organisationId = erasure.OrganisationId;
        var email = erasure.CasesOnly ? "" : ErasedCustomer.Normalise(erasure.CustomerEmail);
        var named = erasure.RequestIds.ToArray();
        var cases = await db.Database.SqlQuery<Guid>($"""
            SELECT "Id" AS "Value" FROM cases
            WHERE "OrganisationId" = {organisationId}
              AND ("Id" = ANY({named}) OR ({email} <> '' AND lower("AcceptedContent"->>'customerEmail') = {email}))
            UNION
            SELECT "RequestId" FROM invoices
            WHERE "OrganisationId" = {organisationId} AND {email} <> '' AND lower("Content"->'customer'->>'email') = {email}
            """).ToArrayAsync(cancellationToken);
        // The ledgers of these cases wait for the erasure (the lock an invoice's numbering takes): no invoice is issued between
        // the accounts read below and the email replaced, so each one keeps its customer's account.
        foreach (var id in cases.Order())
        {
            await db.LockCaseAsync(id, cancellationToken);
        }

        var traces = new ErasureTraces();
        foreach (var (name, customerEmail) in await db.Database.SqlQuery<Customer>($"""
            SELECT "AcceptedContent"->>'customerName' AS "Name", "AcceptedContent"->>'customerEmail' AS "Email" FROM cases
            WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases}) AND jsonb_typeof("AcceptedContent") = 'object'
            UNION
            SELECT "Content"->'customer'->>'name', "Content"->'customer'->>'email' FROM invoices
            WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
            """).ToListAsync(cancellationToken))
        {
            traces.Add(name, customerEmail, null);
        }

        if (email != "")
        {
            traces.Add(null, email, null);
        }

        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE cases SET "AcceptedContent" = "AcceptedContent" || jsonb_build_object(
                    'customerName', {ErasedCustomer.Name}::text, 'customerAddressLines', '[]'::jsonb, 'customerEmail', {ErasedCustomer.Email}::text,
                    'customerCompanyId', NULL::text, 'customerVatNumber', NULL::text)
            WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases}) AND jsonb_typeof("AcceptedContent") = 'object'
              AND ("AcceptedContent"->>'customerName' IS DISTINCT FROM {ErasedCustomer.Name}::text
                OR "AcceptedContent"->>'customerEmail' IS DISTINCT FROM {ErasedCustomer.Email}::text
                OR jsonb_array_length(COALESCE("AcceptedContent"->'customerAddressLines', '[]'::jsonb)) > 0
                OR "AcceptedContent"->>'customerCompanyId' IS NOT NULL OR "AcceptedContent"->>'customerVatNumber' IS NOT NULL)
            """, cancellationToken);
        changed += await KeepAccountsAsync(organisationId, cases, cancellationToken);
        foreach (var (needle, replacement) in traces.Names.Select(n => (n, ErasedCustomer.Name))
                     .Concat(traces.Emails.Select(e => (e, ErasedCustomer.Email))))
        {
            changed += await RedactAsync(organisationId, cases, needle, replacement, cancellationToken);
        }

        await traces.FinishErasureAsync(db, erasure, "payment", cases, changed, timeProvider.GetUtcNow(), cancellationToken);
    }

    /// <summary>
    /// The invoices' email replaced by the placeholder, each invoice keeping the auxiliary account the journals computed from
    /// it (computed here, as the export does); an invoice that has one already keeps it.
    /// </summary>
    private async Task<int> KeepAccountsAsync(Guid organisationId, Guid[] cases, CancellationToken cancellationToken)
    {
        var invoices = await db.Database.SqlQuery<InvoiceEmail>($"""
            SELECT "Id", "Content"->'customer'->>'email' AS "Email" FROM invoices
            WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
              AND "Content"->'customer'->>'email' IS DISTINCT FROM {ErasedCustomer.Email}::text
            """).ToListAsync(cancellationToken);
        var ids = invoices.Select(i => i.Id).ToArray();
        var accounts = invoices.Select(i => i.Email is null ? null : CustomerAccount.Of(i.Email)).ToArray();
        return await db.Database.ExecuteSqlInterpolatedAsync($$"""
            UPDATE invoices i SET "Content" = jsonb_set(i."Content", '{customer}', i."Content"->'customer'
                || jsonb_build_object('email', {{ErasedCustomer.Email}}::text)
                || CASE WHEN a.account IS NULL OR i."Content"->'customer'->>'account' IS NOT NULL THEN '{}'::jsonb
                        ELSE jsonb_build_object('account', a.account) END)
            FROM unnest({{ids}}::uuid[], {{accounts}}::text[]) AS a(id, account)
            WHERE i."OrganisationId" = {{organisationId}} AND i."Id" = a.id
            """, cancellationToken);
    }

    /// <summary>Free texts of the cases that may quote the customer: the provider's events, references, reasons.</summary>
    private async Task<int> RedactAsync(Guid organisationId, Guid[] cases, string needle, string replacement, CancellationToken cancellationToken)
    {
        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE stripe_events SET payload = replace(payload, {needle}, {replacement})
            WHERE organisation_id = {organisationId} AND case_id = ANY({cases}) AND strpos(payload, {needle}) > 0
            """, cancellationToken);
        changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE cases SET "CancellationReason" = replace("CancellationReason", {needle}, {replacement})
            WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases}) AND strpos("CancellationReason", {needle}) > 0
            """, cancellationToken);
        changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE payments SET "Reference" = replace("Reference", {needle}, {replacement})
            WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases}) AND strpos("Reference", {needle}) > 0
            """, cancellationToken);
        changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE refunds SET "Reference" = replace("Reference", {needle}, {replacement}), "Reason" = replace("Reason", {needle}, {replacement})
            WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases}) AND (strpos("Reference", {needle}) > 0 OR strpos("Reason", {needle}) > 0)
            """, cancellationToken);
        return changed;
    }

    private sealed record Customer(string? Name, string? Email);

    private sealed record InvoiceEmail(Guid Id, string? Email);
}
