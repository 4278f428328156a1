using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>The Payment service in process, on its own fresh database, with the MassTransit test harness.</summary>
public sealed class PaymentFactory() : ServiceFactory<Program>(ResourceNames.PaymentDb);
