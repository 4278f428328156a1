using CommercialManagement.BuildingBlocks.Tenancy;

namespace CommercialManagement.Inbox.Api.Domain;

/// <summary>How the connection to the IMAP server is secured.</summary>
internal enum MailboxSecurity
{
    /// <summary>TLS from the first byte (port 993).</summary>
    Tls = 0,

    /// <summary>STARTTLS on a plain connection (port 143); refused when the server does not offer it.</summary>
    StartTls = 1,

    /// <summary>No encryption: only for a server on the same machine (the development mail catcher).</summary>
    None = 2,
}

/// <summary>
/// An organisation's reply mailbox (issue 18): the address customers reply to (every email about a case carries it,
/// tagged with the case's reply token, as its Reply-To) and the IMAP account Inbox fetches it from. The password is
/// kept encrypted (<see cref="Features.MailIn.MailboxSecrets"/>) and never leaves this service. Where the fetch stands
/// (the folder's UIDVALIDITY, the last UID taken) and how it last went are kept here too, for staff to see.
/// </summary>
internal sealed class Mailbox : ITenantOwned
{
    private Mailbox()
    {
    }

    public Guid OrganisationId { get; private set; }

    public bool Enabled { get; private set; }

    /// <summary>The untagged reply address (<c>reponses@mon-domaine.fr</c>).</summary>
    public string ReplyAddress { get; private set; } = "";

    public string Host { get; private set; } = "";

    public int Port { get; private set; }

    public MailboxSecurity Security { get; private set; }

    public string UserName { get; private set; } = "";

    /// <summary>The password, encrypted with the service's mailbox key (nonce, tag and cipher text).</summary>
    public byte[] PasswordCipher { get; private set; } = [];

    /// <summary>The folder fetched (INBOX).</summary>
    public string Folder { get; private set; } = "INBOX";

    /// <summary>Where a fetched email is moved once taken; null leaves it in <see cref="Folder"/>, marked read.</summary>
    public string? ProcessedFolder { get; private set; }

    /// <summary>When the settings last changed: a watcher on older settings reconnects.</summary>
    public DateTimeOffset ChangedAt { get; private set; }

    /// <summary>The folder's UIDVALIDITY when <see cref="LastUid"/> was taken; a new one means the UIDs start over.</summary>
    public long? UidValidity { get; private set; }

    /// <summary>The highest UID fetched and stored: the next fetch asks for the ones after it.</summary>
    public long LastUid { get; private set; }

    public DateTimeOffset? LastCheckedAt { get; private set; }

    public DateTimeOffset? LastSuccessAt { get; private set; }

    /// <summary>Why the last fetch failed, for staff (the server's words); null after a success.</summary>
    public string? LastError { get; private set; }

    public int ConsecutiveFailures { get; private set; }

    public static Mailbox For(Guid organisationId) => new() { OrganisationId = organisationId };

    /// <param name="passwordCipher">The new encrypted password, or null to keep the one stored.</param>
    public void Configure(
        bool enabled, string replyAddress, string host, int port, MailboxSecurity security, string userName, byte[]? passwordCipher,
        string folder, string? processedFolder, DateTimeOffset now)
    {
        var serverChanged = Host != host || Port != port || UserName != userName || Folder != folder;
        (Enabled, ReplyAddress, Host, Port, Security, UserName, Folder, ProcessedFolder, ChangedAt) =
            (enabled, replyAddress, host, port, security, userName, folder, processedFolder, now);
        PasswordCipher = passwordCipher ?? PasswordCipher;
        if (serverChanged)
        {
            // Another server or folder: its UIDs mean nothing here. Emails already taken are known by Message-ID.
            (UidValidity, LastUid) = (null, 0);
        }

        (LastError, ConsecutiveFailures) = (null, 0);
    }

    /// <summary>The folder answered with this UIDVALIDITY: when it is not the one kept, the UIDs start over.</summary>
    public void Opened(long uidValidity)
    {
        if (UidValidity != uidValidity)
        {
            (UidValidity, LastUid) = (uidValidity, 0);
        }
    }

    /// <summary>The email of this UID is stored (or known already): the next fetch starts after it.</summary>
    public void Took(long uid) => LastUid = Math.Max(LastUid, uid);

    public void Checked(DateTimeOffset at) => (LastCheckedAt, LastSuccessAt, LastError, ConsecutiveFailures) = (at, at, null, 0);

    public void Failed(string error, DateTimeOffset at) =>
        (LastCheckedAt, LastError, ConsecutiveFailures) = (at, error.Length > 1000 ? error[..1000] : error, ConsecutiveFailures + 1);
}
