using MassTransit;

namespace CommercialManagement.Gateway.Features.PersonalData;

/// <summary>The gateway's part of personal data (issue 19): following erasures, and its own copy of customers' names.</summary>
internal static class PersonalDataModule
{
    public static void AddConsumers(IBusRegistrationConfigurator bus)
    {
        bus.AddConsumer<CustomerErasureRequestedConsumer>();
        bus.AddConsumer<CustomerErasedConsumer>();
    }
}
