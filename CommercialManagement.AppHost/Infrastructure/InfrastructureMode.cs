using System.Diagnostics;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>Where PostgreSQL and RabbitMQ come from; the services only ever read ConnectionStrings__&lt;name&gt;.</summary>
internal enum InfrastructureMode
{
    /// <summary>Debian's postgresql and rabbitmq-server started by the AppHost as executables.</summary>
    Local,

    /// <summary>Aspire's AddPostgres and AddRabbitMQ, on Docker or Podman.</summary>
    Containers,

    /// <summary>Servers that already run: connection strings from configuration.</summary>
    External,
}

internal static class InfrastructureModeDetector
{
    /// <summary>Infrastructure:Mode when set, else containers when a container engine answers, else local.</summary>
    public static InfrastructureMode Resolve(string? configured)
    {
        if (!string.IsNullOrWhiteSpace(configured))
        {
            return Enum.TryParse<InfrastructureMode>(configured, ignoreCase: true, out var mode)
                ? mode
                : throw new InvalidOperationException(
                    $"Infrastructure:Mode '{configured}' is unknown: use local, containers or external.");
        }

        return ContainerEngineAnswers("docker") || ContainerEngineAnswers("podman")
            ? InfrastructureMode.Containers
            : InfrastructureMode.Local;
    }

    private static bool ContainerEngineAnswers(string engine)
    {
        try
        {
            using var process = Process.Start(new ProcessStartInfo(engine, "info")
            {
                RedirectStandardOutput = true,
                RedirectStandardError = true,
                UseShellExecute = false,
            });
            if (process is null)
            {
                return false;
            }

            if (!process.WaitForExit(TimeSpan.FromSeconds(5)))
            {
                process.Kill(entireProcessTree: true);
                return false;
            }

            return process.ExitCode == 0;
        }
        catch (System.ComponentModel.Win32Exception)
        {
            return false;
        }
    }
}
