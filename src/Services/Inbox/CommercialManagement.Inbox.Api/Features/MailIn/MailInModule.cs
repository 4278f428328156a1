namespace CommercialManagement.Inbox.Api.Features.MailIn;

internal static class MailInModule
{
    /// <summary>The reply mailboxes (issue 18): their settings' encryption, the fetcher and what takes each email.</summary>
    public static IHostApplicationBuilder AddMailIn(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<MailInOptions>().BindConfiguration(MailInOptions.Section);
        builder.Services.AddSingleton<MailboxSecrets>();
        builder.Services.AddSingleton<InboundMailProcessor>();
        builder.Services.AddSingleton<MailboxWatcherFactory>();
        builder.Services.AddHostedService<MailboxFetcher>();
        return builder;
    }
}
