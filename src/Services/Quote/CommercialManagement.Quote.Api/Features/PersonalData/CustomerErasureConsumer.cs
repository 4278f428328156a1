using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.Contracts.PersonalData;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Features.PersonalData;

/// <summary>
/// Quote's part of an erasure, in the event's organisation and the inbox's transaction: the case's copy of the customer,
/// and every quote of the customer's cases (found by the cases named and, unless the erasure is for those cases only, by
/// the email on the case or on the quote) with its sent versions, lose the customer's name, address, email, phone and
/// company ids, the customer's IP address of an online acceptance, and any note or reason that quoted them. Lines, prices
/// and dates stay: they are the business's, and the invoices in Payment were made from them. A second delivery changes nothing.
/// </summary>
internal sealed class CustomerErasureConsumer(QuoteDbContext db, TimeProvider timeProvider) : IConsumer<CustomerErasureRequested>
{
    public async Task Consume(ConsumeContext<CustomerErasureRequested> context)
    {
        var erasure = context.Message;
        var cancellationToken = context.CancellationToken;
        var organisationId = erasure.OrganisationId;
        var email = erasure.CasesOnly ? "" : ErasedCustomer.Normalise(erasure.CustomerEmail);
        var named = erasure.RequestIds.ToList();
        var copies = await db.Cases.AsNoTracking()
            .Where(c => named.Contains(c.Id) || (email != "" && c.CustomerEmail.ToLower() == email))
            .Select(c => new { c.Id, c.CustomerName, c.CustomerEmail, c.CustomerPhone })
            .ToListAsync(cancellationToken);
        var quotes = await db.Quotes.AsNoTracking()
            .Where(q => named.Contains(q.RequestId) || (email != "" && q.Customer.Email.ToLower() == email))
            .Select(q => new { q.RequestId, q.Customer.Name, q.Customer.Email, q.Customer.Phone })
            .ToListAsync(cancellationToken);
        var cases = copies.Select(c => c.Id).Concat(quotes.Select(q => q.RequestId)).Distinct().ToArray();
        var traces = new ErasureTraces();
        foreach (var copy in copies)
        {
            traces.Add(copy.CustomerName, copy.CustomerEmail, copy.CustomerPhone);
        }

        foreach (var quote in quotes)
        {
            traces.Add(quote.Name, quote.Email, quote.Phone);
        }

        var changed = await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE cases SET "CustomerName" = {ErasedCustomer.Name}, "CustomerEmail" = {ErasedCustomer.Email}, "CustomerPhone" = NULL
            WHERE "OrganisationId" = {organisationId} AND "Id" = ANY({cases})
              AND ("CustomerName" <> {ErasedCustomer.Name} OR "CustomerEmail" <> {ErasedCustomer.Email} OR "CustomerPhone" IS NOT NULL)
            """, cancellationToken);
        changed += await db.Database.ExecuteSqlInterpolatedAsync($$"""
            UPDATE quote_versions SET "Content" = jsonb_set("Content", '{customer}', 'null'::jsonb)
            WHERE "QuoteId" IN (SELECT "Id" FROM quotes WHERE "OrganisationId" = {{organisationId}} AND "RequestId" = ANY({{cases}}))
              AND jsonb_typeof("Content"->'customer') IS DISTINCT FROM 'null'
            """, cancellationToken);
        changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
            UPDATE quotes SET "CustomerName" = {ErasedCustomer.Name}, "CustomerAddress" = '', "CustomerEmail" = {ErasedCustomer.Email},
                "CustomerPhone" = '', "CustomerCompanyId" = NULL, "CustomerVatNumber" = NULL,
                "AcceptedFrom" = CASE WHEN "AcceptedBy" = 'Customer' THEN NULL ELSE "AcceptedFrom" END
            WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
              AND ("CustomerName" <> {ErasedCustomer.Name} OR "CustomerAddress" <> '' OR "CustomerEmail" <> {ErasedCustomer.Email}
                OR "CustomerPhone" <> '' OR "CustomerCompanyId" IS NOT NULL OR "CustomerVatNumber" IS NOT NULL
                OR ("AcceptedBy" = 'Customer' AND "AcceptedFrom" IS NOT NULL))
            """, cancellationToken);
        foreach (var (needle, replacement) in traces.Names.Select(n => (n, ErasedCustomer.Name)).Concat(traces.Phones.Select(p => (p, ""))))
        {
            changed += await db.Database.ExecuteSqlInterpolatedAsync($"""
                UPDATE quotes SET "AcceptanceNote" = replace("AcceptanceNote", {needle}, {replacement}), "ClosingReason" = replace("ClosingReason", {needle}, {replacement})
                WHERE "OrganisationId" = {organisationId} AND "RequestId" = ANY({cases})
                  AND (strpos("AcceptanceNote", {needle}) > 0 OR strpos("ClosingReason", {needle}) > 0)
                """, cancellationToken);
        }

        if (email != "")
        {
            traces.Add(null, email, null);
        }

        await traces.FinishErasureAsync(db, erasure, "quote", cases, changed, timeProvider.GetUtcNow(), cancellationToken);
    }
}
