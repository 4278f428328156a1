using System.Security.Cryptography;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>
/// The Inbox service in process on a database of its own, its reply-mailbox fetcher on or off, timed as under the AppHost
/// (a look every 5 s, the settings read every 15 s) unless told otherwise, and its outbox relay back to its own 1 s poll
/// (the test kit's 200 ms would add commits at rest that the AppHost does not make).
/// </summary>
internal sealed class MailInHost(bool fetch, TimeSpan? settingsInterval = null) : ServiceFactory<global::Program>(ResourceNames.InboxDb)
{
    /// <summary>The key mailbox passwords are encrypted with, fresh per host, as the service tests do.</summary>
    private readonly string _key = Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting("Messaging:Outbox:PollInterval", "00:00:01");
        builder.UseSetting("Mailbox:SecretKey", _key);
        builder.UseSetting("Mailbox:FetchEnabled", fetch ? "true" : "false");
        builder.UseSetting("Mailbox:PollInterval", "00:00:05");
        builder.UseSetting("Mailbox:SettingsInterval", (settingsInterval ?? TimeSpan.FromSeconds(15)).ToString("c"));
    }
}
