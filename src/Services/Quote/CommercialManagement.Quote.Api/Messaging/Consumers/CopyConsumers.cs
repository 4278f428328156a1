using CommercialManagement.Contracts.Identity;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Quote.Api.Domain.Copies;
using CommercialManagement.Quote.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Quote.Api.Messaging.Consumers;

/// <summary>Keeps each organisation's copy (kind, legal details, deposit, validity, numbering): the latest wins.</summary>
internal sealed class OrganisationChangedConsumer(QuoteDbContext db) : IConsumer<OrganisationChanged>
{
    public async Task Consume(ConsumeContext<OrganisationChanged> context)
    {
        var changed = context.Message;
        var copy = await db.Organisations.SingleOrDefaultAsync(o => o.OrganisationId == changed.OrganisationId, context.CancellationToken);
        if (copy is null)
        {
            db.Organisations.Add(OrganisationCopy.From(changed));
        }
        else
        {
            copy.Apply(changed);
        }

        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>Keeps the case's customer and stay, so the quote is priced for them. The inbox filter makes a redelivery a no-op.</summary>
internal sealed class RequestReceivedConsumer(QuoteDbContext db) : IConsumer<RequestReceived>
{
    public async Task Consume(ConsumeContext<RequestReceived> context)
    {
        if (await db.Cases.AnyAsync(c => c.Id == context.Message.RequestId, context.CancellationToken))
        {
            return;
        }

        db.Cases.Add(CaseCopy.From(context.Message));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}

/// <summary>An event overtook its case's <c>RequestReceived</c>: retried until the case exists.</summary>
internal sealed class CaseNotReceivedYetException(Guid caseId) : Exception($"Case {caseId} is not known to the Quote service yet.");
