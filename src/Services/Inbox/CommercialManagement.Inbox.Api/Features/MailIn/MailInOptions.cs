namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>How Inbox fetches the organisations' reply mailboxes (section <c>Mailbox</c>).</summary>
internal sealed class MailInOptions
{
    public const string Section = "Mailbox";

    /// <summary>False: no mailbox is fetched by this instance (the service tests, unless a test turns it on).</summary>
    public bool FetchEnabled { get; set; } = true;

    /// <summary>
    /// The longest wait between two looks at a mailbox: a server that offers IDLE is told to speak up at once when mail
    /// arrives, but is asked again after this anyway (not all say so; the development mail catcher never does).
    /// </summary>
    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(60);

    /// <summary>How often the mailboxes' settings are read again (a mailbox switched on, off or changed).</summary>
    public TimeSpan SettingsInterval { get; set; } = TimeSpan.FromSeconds(15);

    /// <summary>The longest any one exchange with the IMAP server may take before the connection is dropped.</summary>
    public TimeSpan ServerTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>The longest wait before trying again a mailbox whose server failed (5 s, doubling up to this).</summary>
    public TimeSpan MaxRetryDelay { get; set; } = TimeSpan.FromMinutes(5);

    /// <summary>The largest email fetched whole (30 MB); a bigger one is taken with its headers only, and staff are told.</summary>
    public long MaxEmailBytes { get; set; } = 30 * 1024 * 1024;

    /// <summary>Past this many emails from one sender in an hour, the next are kept but raise nothing (a mail loop).</summary>
    public int MaxEmailsPerSenderPerHour { get; set; } = 20;
}
