using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

public sealed class InboxFactory : ServiceFactory<Program>
{
    public InboxFactory()
        : base(ResourceNames.InboxDb)
    {
    }

    /// <summary>A second host on an existing database, as after a restart.</summary>
    internal InboxFactory(string connectionString)
        : base(ResourceNames.InboxDb, connectionString)
    {
    }
}
