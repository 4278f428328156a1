namespace CommercialManagement.Notification.Worker;

internal sealed class EmailOptions
{
    public const string Section = "Email";

    /// <summary>The address every email is sent from; the organisation's name and reply-to go with it.</summary>
    public string FromAddress { get; set; } = "ne-pas-repondre@valneve.test";

    public string DefaultSenderName { get; set; } = "Val Nevé";

    public TimeSpan PollInterval { get; set; } = TimeSpan.FromSeconds(1);

    public TimeSpan SmtpTimeout { get; set; } = TimeSpan.FromSeconds(20);
}
