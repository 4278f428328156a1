using CommercialManagement.Contracts;
using MassTransit;

namespace CommercialManagement.BuildingBlocks.Tenancy;

/// <summary>A consumer acts in the organisation its event names, so the query filters apply to it too.</summary>
internal sealed class TenantConsumeFilter<TMessage>(TenantContext tenant) : IFilter<ConsumeContext<TMessage>>
    where TMessage : class
{
    public Task Send(ConsumeContext<TMessage> context, IPipe<ConsumeContext<TMessage>> next)
    {
        if (context.Message is IIntegrationEvent integrationEvent)
        {
            tenant.Use(integrationEvent.OrganisationId);
        }

        return next.Send(context);
    }

    public void Probe(ProbeContext context) => context.CreateFilterScope("tenant");
}
