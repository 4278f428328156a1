using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class InboxFactory(string? connectionString) : ServiceFactory<Program>(ResourceNames.InboxDb, connectionString)
{
    public InboxFactory()
        : this(null)
    {
    }
}
