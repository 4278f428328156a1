using System.Net;
using System.Net.Sockets;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.TestKit;
using Microsoft.AspNetCore.Hosting;
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

    public int SmtpPort { get; }

    public SimpleSmtpServer? Smtp { get; private set; }

    /// <summary>Starts the SMTP server; until then every sending attempt fails as with a server that is down.</summary>
    public SimpleSmtpServer StartSmtp() => Smtp ??= SimpleSmtpServer.Start(SmtpPort);

    /// <summary>The emails the SMTP server received, as MIME messages.</summary>
    public IReadOnlyList<MimeMessage> Received() =>
        Smtp?.ReceivedEmail.Select(e => MimeMessage.Load(new MemoryStream(System.Text.Encoding.UTF8.GetBytes(e.Data)))).ToList() ?? [];

    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.UseSetting($"ConnectionStrings:{ResourceNames.Smtp}", $"smtp://127.0.0.1:{SmtpPort}");
        builder.UseSetting("Email:PollInterval", "00:00:00.200");
        builder.UseSetting("Email:SmtpTimeout", "00:00:05");
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
