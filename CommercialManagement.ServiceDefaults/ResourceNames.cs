namespace CommercialManagement.ServiceDefaults;

/// <summary>Every Aspire resource name, declared once; the AppHost, the gateway and the tests use these.</summary>
public static class ResourceNames
{
    public const string Postgres = "postgres";
    public const string RabbitMq = "rabbitmq";
    public const string RabbitMqServer = "rabbitmq-server";
    public const string MailCatcher = "mailcatcher";

    public const string InboxDb = "inboxdb";
    public const string DossierDb = "dossierdb";
    public const string QuoteDb = "quotedb";
    public const string PaymentDb = "paymentdb";
    public const string NotificationDb = "notificationdb";
    public const string IdentityDb = "identitydb";

    public const string InboxApi = "inbox-api";
    public const string DossierApi = "dossier-api";
    public const string QuoteApi = "quote-api";
    public const string PaymentApi = "payment-api";
    public const string NotificationWorker = "notification-worker";
    public const string Gateway = "gateway";
    public const string DemoWebsite = "demo-website";

    /// <summary>The connection string name of the SMTP server the Notification worker sends through.</summary>
    public const string Smtp = "smtp";

    /// <summary>
    /// The connection string name of the development IMAP server (the mail catcher's), which the demo organisations' reply
    /// mailboxes point at (issue 18). Never set outside Development: real mailboxes are set up in « Paramètres ».
    /// </summary>
    public const string Imap = "imap";
}
