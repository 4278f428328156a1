namespace CommercialManagement.Notification.Worker;

internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The address every email is sent from; the organisation's name and reply-to go with it. Its domain is the one of every Message-ID.</summary>
    public string FromAddress { get; set; } = "ne-pas-repondre@valneve.test";

    public string DefaultSenderName { get; set; } = "Val Nevé";

    /// <summary>
    /// True: an email to a customer whose Reply-To is the organisation's tagged reply address leaves with that address as
    /// its envelope sender (Return-Path), so that a delivery failure report comes back to the reply mailbox, where Inbox
    /// marks the customer's address as failing (issue 18, ADR 0024). Off by default: the organisation's domain must then
    /// allow our servers to send for it (SPF), which its administrator decides. The development AppHost turns it on.
    /// </summary>
    public bool BouncesToReplyMailbox { get; set; }

    /// <summary>The gateway's public address, which the links in the emails point to (customer space, back office).</summary>
    public string PublicBaseUrl { get; set; } = "http://localhost:5100";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    /// <summary>
    /// Acknowledgements one organisation sends in 24 hours at most: beyond, a flood through its form (a relay attempt
    /// from many addresses) stops reaching strangers' inboxes; the requests themselves are all kept.
    /// </summary>
    public int AcknowledgementsPerOrganisationPerDay { get; set; } = 2_000;

    /// <summary>Acknowledgements one address receives in 24 hours at most, whatever the organisations' forms used.</summary>
    public int AcknowledgementsPerRecipientPerDay { get; set; } = 5;

    /// <summary>How many emails are sent side by side, each sender on its own SMTP connection.</summary>
    public int Senders { get; set; } = 4;

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(20);

    /// <summary>
    /// How many due emails a sender claims at once (claimed together, sent one after the other on its connection, marked
    /// together). Claiming one at a time cost a 3 ms query and a transaction per email (docs/benchmarks.md); a
    /// person's email queued meanwhile waits at most for the batches in hand, a few hundred milliseconds.
    /// </summary>
    public int ClaimBatch { get; set; } = 8;

    /// <summary>
    /// How long a sender holds the emails it claimed: it starts no send later than this less two <see cref="SmtpTimeout"/>s;
    /// the emails of a sender that died are due again once it lapses.
    /// </summary>
    public TimeSpan ClaimLease { get; set; } = TimeSpan.FromMinutes(2);

    /// <summary>The customer space of a case: <c>{PublicBaseUrl}/espace/{token}</c>.</summary>
    public string CustomerSpaceLink(string token) => Link($"espace/{Uri.EscapeDataString(token)}");

    /// <summary>
    /// The customer space's way to pay a payment request: <c>{PublicBaseUrl}/espace/{token}/payer/{paymentRequestId}</c>
    /// (the gateway opens the checkout from there).
    /// </summary>
    public string CustomerSpacePaymentLink(string token, Guid paymentRequestId) =>
        $"{CustomerSpaceLink(token)}/payer/{paymentRequestId}";

    /// <summary>A request in the back office: <c>{PublicBaseUrl}/demandes/{requestId}</c>.</summary>
    public string BackOfficeRequestLink(Guid requestId) => Link($"demandes/{requestId}");

    /// <summary>A dossier's page in the back office (a dossier has its request's id).</summary>
    public string BackOfficeDossierLink(Guid requestId) => Link($"dossiers/{requestId}");

    private string Link(string path) => $"{PublicBaseUrl.TrimEnd('/')}/{path}";
}
