namespace CommercialManagement.TestKit;

/// <summary>One mailbox of <see cref="ImapServer"/>: its IMAP user, and the address customers write to (tagged or not).</summary>
public sealed record ImapMailbox(string UserName, string Domain)
{
    /// <summary>The untagged reply address; <c>reponses+anything@</c> the same domain lands in this mailbox too.</summary>
    public string ReplyAddress => $"reponses@{Domain}";

    /// <summary>The reply address tagged with a case's reply token, as Notification writes it in Reply-To.</summary>
    public string Tagged(string token) => $"reponses+{token}@{Domain}";
}
