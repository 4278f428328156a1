using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

public sealed class QuoteFactory() : ServiceFactory<Program>(ResourceNames.QuoteDb);
