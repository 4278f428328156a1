using System.Globalization;
using System.Security.Cryptography;
using CommercialManagement.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// smtp4dev (a local dotnet tool): every email the system sends is visible in its web page, and it is also the
/// development IMAP server of the reply mailboxes (issue 18). An email to a demo organisation's reply address
/// (<c>reponses…@valneve-office.test</c>, tagged or not) lands in that organisation's own mailbox, which its IMAP user
/// (the organisation's slug, with a password generated once per machine) reads; everything else stays in « Default ».
/// </summary>
internal sealed record MailCatcher(
    IResourceBuilder<ExecutableResource> Server, IResourceBuilder<IResourceWithConnectionString> Smtp,
    IResourceBuilder<IResourceWithConnectionString> Imap, IResourceBuilder<ParameterResource> ImapPassword);

internal static class MailCatcherExtensions
{
    /// <summary>
    /// The demo organisations' mailboxes: IMAP user and smtp4dev mailbox, and the domain of the reply address. Inbox's demo
    /// data sets each organisation's reply mailbox to the same user and <c>reponses@{domain}</c>.
    /// </summary>
    public static readonly (string User, string Domain)[] DemoMailboxes =
    [
        ("valneve-office", "valneve-office.test"),
        ("esf-valneve", "esf-valneve.test"),
        ("chalet-melezes", "chalet-melezes.test"),
    ];

    public static MailCatcher AddMailCatcher(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = LocalInfrastructure.RepositoryRoot(builder);
        var dataFolder = Path.Combine(LocalInfrastructure.DataFolder(builder, repositoryRoot), "smtp4dev");
        Directory.CreateDirectory(dataFolder);
        var webPort = builder.Configuration.GetValue("Infrastructure:MailCatcherPort", 5101);
        var smtpPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var imapPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);
        var imapPassword = StoredPassword(Path.Combine(dataFolder, "imap.password"));

        var server = builder.AddExecutable(ResourceNames.MailCatcher, "dotnet", repositoryRoot, "tool", "run", "smtp4dev", "--")
            .WithHttpEndpoint(port: webPort, name: "http")
            .WithEndpoint(name: "smtp", port: int.Parse(smtpPort, CultureInfo.InvariantCulture), targetPort: int.Parse(smtpPort, CultureInfo.InvariantCulture), scheme: "smtp", isProxied: false)
            .WithEndpoint(name: "imap", port: int.Parse(imapPort, CultureInfo.InvariantCulture), targetPort: int.Parse(imapPort, CultureInfo.InvariantCulture), scheme: "imap", isProxied: false)
            .WithArgs(context =>
            {
                var web = context.Resource is IResourceWithEndpoints resource ? resource.GetEndpoint("http") : throw new InvalidOperationException();
                context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{web.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add($"--smtpport={smtpPort}");
                context.Args.Add($"--imapport={imapPort}");
                context.Args.Add($"--pop3port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
                context.Args.Add("--bindaddress=127.0.0.1");
                context.Args.Add("--hostname=localhost");
                context.Args.Add("--nousersettings");
                context.Args.Add($"--baseappdatapath={dataFolder}");
                context.Args.Add($"--db={Path.Combine(dataFolder, "smtp4dev.db")}");
            })
            .WithHttpHealthCheck("/");
        for (var i = 0; i < DemoMailboxes.Length; i++)
        {
            var (user, domain) = DemoMailboxes[i];
            server.WithEnvironment($"ServerOptions__Mailboxes__{i}__Name", user)
                .WithEnvironment($"ServerOptions__Mailboxes__{i}__Recipients", $"reponses*@{domain}")
                .WithEnvironment($"ServerOptions__Users__{i}__Username", user)
                .WithEnvironment($"ServerOptions__Users__{i}__Password", imapPassword)
                .WithEnvironment($"ServerOptions__Users__{i}__DefaultMailbox", user);
        }

        var smtp = builder.AddConnectionString(ResourceNames.Smtp, ReferenceExpression.Create($"smtp://127.0.0.1:{smtpPort}"));
        var imap = builder.AddConnectionString(ResourceNames.Imap, ReferenceExpression.Create($"imap://127.0.0.1:{imapPort}"));
        return new MailCatcher(server, smtp, imap, builder.AddParameter("mailcatcher-imap-password", imapPassword, secret: true));
    }

    /// <summary>A development password kept in the data folder (mode 600), made on the first run.</summary>
    public static string StoredPassword(string file) => Stored(file, () => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(18)));

    /// <summary>A 256-bit key in base64 kept in the data folder (mode 600), made on the first run.</summary>
    public static string StoredKey(string file) => Stored(file, () => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));

    private static string Stored(string file, Func<string> make)
    {
        if (!File.Exists(file))
        {
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(file, new System.Text.UTF8Encoding(encoderShouldEmitUTF8Identifier: false), options);
            writer.Write(make());
        }

        return File.ReadAllText(file).Trim();
    }
}
