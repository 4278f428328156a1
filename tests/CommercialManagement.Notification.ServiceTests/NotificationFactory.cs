using System.Net;
using System.Net.Sockets;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Http.Resilience;
using MimeKit;
using netDumbster.smtp;

namespace CommercialManagement.Notification.ServiceTests;

/// <summary>The Notification worker in process, sending to an in-process SMTP server on a port of its own.</summary>
public sealed class NotificationFactory : ServiceFactory<Program>
{
    public NotificationFactory()
        : base(ResourceNames.NotificationDb)
    {
        SmtpPort = FreePort();
    }

    /// <summary>The gateway's public address the links in the emails start with.</summary>
    public const string PublicBaseUrl = "https://gestion.valneve.test";

    public int SmtpPort { get; }

    public SimpleSmtpServer? Smtp { get; private set; }

    /// <summary>The Quote service the worker asks for quotes' PDFs, replaced by an in-memory stand-in.</summary>
    public StandInDocumentService Quote { get; } = new("quotes");

    /// <summary>The Payment service the worker asks for invoices' PDFs, replaced by an in-memory stand-in.</summary>
    public StandInDocumentService Payment { get; } = new("invoices");

    /// <summary>Starts the SMTP server; until then every sending attempt fails as with a server that is down.</summary>
    public SimpleSmtpServer StartSmtp() => Smtp ??= SimpleSmtpServer.Start(SmtpPort);

    /// <summary>The emails the SMTP server received, as MIME messages.</summary>
    /// <remarks>netDumbster keeps SMTP's dot-stuffing (a line starting with "." is sent as ".."): it is undone here, as a real server does.</remarks>
    public IReadOnlyList<MimeMessage> Received() =>
        Smtp?.ReceivedEmail
            .Select(e => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data.Replace("\r\n..", "\r\n.", StringComparison.Ordinal)))))
            .ToList() ?? [];

    /// <summary>Waits for the first email received that matches, and returns it.</summary>
    public async Task<MimeMessage> ReceivedAsync(Func<MimeMessage, bool> match, string what, TimeSpan? within = null)
    {
        MimeMessage? found = null;
        Assert.True(await Eventually.TrueAsync(
            () => Task.FromResult((found = Received().FirstOrDefault(match)) is not null),
            within ?? TimeSpan.FromSeconds(20)), $"No email {what} arrived.");
        return found!;
    }

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Smtp}", $"smtp://127.0.0.1:{SmtpPort}");
        builder.UseSetting("Email:PollInterval", "00:00:00.200");
        // Its own private key, for the document tokens it fetches a quote's or an invoice's PDF with (as the AppHost gives it).
        builder.UseSetting(TokenKeys.NotificationPrivateKey, Tokens.NotificationPrivateKey);
        builder.UseSetting("Email:SmtpTimeout", "00:00:05");
        // As the development AppHost has it: a customer email's failure report comes back to its tagged reply address.
        builder.UseSetting("Email:BouncesToReplyMailbox", "true");
        // A trailing slash, as someone may well write it: the links must not get a double one.
        builder.UseSetting("Email:PublicBaseUrl", PublicBaseUrl + "/");
    }

    protected override void ConfigureTestServices(IServiceCollection services)
    {
        services.AddHttpClient(ResourceNames.QuoteApi).ConfigurePrimaryHttpMessageHandler(() => Quote);
        services.AddHttpClient(ResourceNames.PaymentApi).ConfigurePrimaryHttpMessageHandler(() => Payment);
        // The Quote service down: the HTTP retries stay short here, the worker's message retries are the ones tested.
        services.ConfigureAll<HttpStandardResilienceOptions>(options => options.Retry.Delay = TimeSpan.FromMilliseconds(20));
    }

    public override async ValueTask DisposeAsync()
    {
        await base.DisposeAsync();
        Smtp?.Stop();
        Smtp?.Dispose();
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
