using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>
/// An Inbox host whose reply-mailbox fetcher runs (looking every second), on a database of its own, with the test process's
/// real IMAP server (smtp4dev). Each test takes an organisation and an IMAP mailbox of its own, so that tests sharing the
/// host never read each other's emails.
/// </summary>
public sealed class ReplyMailboxFixture : IAsyncLifetime
{
    /// <summary>Small, so that an email with a few hundred kilobytes attached is « too big » to be fetched whole.</summary>
    public const long MaxEmailBytes = 200_000;

    internal InboxFactory Inbox { get; } = new() { FetchMailboxes = true, MaxEmailBytes = MaxEmailBytes };

    public ImapServer Imap { get; private set; } = null!;

    public async Task InitializeAsync()
    {
        Imap = await ImapServer.GetAsync();
        await ((IAsyncLifetime)Inbox).InitializeAsync();
        _ = Inbox.Services;
    }

    public async Task DisposeAsync() => await Inbox.DisposeAsync();
}
