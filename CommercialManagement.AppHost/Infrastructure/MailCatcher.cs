using System.Globalization;
using CommercialManagement.ServiceDefaults;
using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>smtp4dev (a local dotnet tool): every email the system sends is visible in its web page.</summary>
internal sealed record MailCatcher(IResourceBuilder<ExecutableResource> Server, IResourceBuilder<IResourceWithConnectionString> Smtp);

internal static class MailCatcherExtensions
{
    public static MailCatcher AddMailCatcher(this IDistributedApplicationBuilder builder)
    {
        var repositoryRoot = LocalInfrastructure.RepositoryRoot(builder);
        var dataFolder = Path.Combine(LocalInfrastructure.DataFolder(builder, repositoryRoot), "smtp4dev");
        Directory.CreateDirectory(dataFolder);
        var webPort = builder.Configuration.GetValue("Infrastructure:MailCatcherPort", 5101);
        var smtpPort = FreePort.Next().ToString(CultureInfo.InvariantCulture);

        var server = builder.AddExecutable(ResourceNames.MailCatcher, "dotnet", repositoryRoot, "tool", "run", "smtp4dev", "--")
            .WithHttpEndpoint(port: webPort, name: "http")
            .WithEndpoint(name: "smtp", port: int.Parse(smtpPort, CultureInfo.InvariantCulture), targetPort: int.Parse(smtpPort, CultureInfo.InvariantCulture), scheme: "smtp", isProxied: false)
            .WithArgs(context =>
            {
                var web = context.Resource is IResourceWithEndpoints resource ? resource.GetEndpoint("http") : throw new InvalidOperationException();
                context.Args.Add(ReferenceExpression.Create($"--urls=http://127.0.0.1:{web.Property(EndpointProperty.TargetPort)}"));
                context.Args.Add($"--smtpport={smtpPort}");
                context.Args.Add($"--imapport={FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
                context.Args.Add($"--pop3port={FreePort.Next().ToString(CultureInfo.InvariantCulture)}");
                context.Args.Add("--bindaddress=127.0.0.1");
                context.Args.Add("--hostname=localhost");
                context.Args.Add("--nousersettings");
                context.Args.Add($"--baseappdatapath={dataFolder}");
                context.Args.Add($"--db={Path.Combine(dataFolder, "smtp4dev.db")}");
            })
            .WithHttpHealthCheck("/");

        var smtp = builder.AddConnectionString(ResourceNames.Smtp, ReferenceExpression.Create($"smtp://127.0.0.1:{smtpPort}"));
        return new MailCatcher(server, smtp);
    }
}
