using System.Diagnostics;
using CommercialManagement.TestKit;

namespace CommercialManagement.Deployment.Tests;

/// <summary>
/// The kubectl that renders the manifests offline (<c>kubectl kustomize</c>, no cluster): the one on PATH, else the one
/// test.sh installs under .data/tools/kubectl. None at all is a failure that says so, never a skipped test.
/// </summary>
internal static class Kubectl
{
    public const string InstalledByTestScript = ".data/tools/kubectl/kubectl";

    public static string Path { get; } = Find();

    /// <summary>The YAML that <c>kubectl apply -k</c> would send, for a folder of deploy/kubernetes.</summary>
    public static string Kustomize(string folder)
    {
        var directory = System.IO.Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes", folder);
        var start = new ProcessStartInfo(Path, ["kustomize", directory])
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        using var process = Process.Start(start) ?? throw new InvalidOperationException($"{Path} could not be started");
        var output = process.StandardOutput.ReadToEndAsync();
        var error = process.StandardError.ReadToEndAsync();
        if (!process.WaitForExit(TimeSpan.FromMinutes(2)))
        {
            process.Kill(entireProcessTree: true);
            throw new InvalidOperationException($"kubectl kustomize {folder} did not finish in 2 minutes");
        }

        return process.ExitCode == 0
            ? output.Result
            : throw new InvalidOperationException($"kubectl kustomize {folder} failed ({process.ExitCode}):\n{error.Result}");
    }

    private static string Find()
    {
        var onPath = (Environment.GetEnvironmentVariable("PATH") ?? "")
            .Split(System.IO.Path.PathSeparator, StringSplitOptions.RemoveEmptyEntries)
            .Select(folder => System.IO.Path.Combine(folder, "kubectl"))
            .FirstOrDefault(File.Exists);
        var installed = System.IO.Path.Combine(RepositoryRoot.Path, InstalledByTestScript);
        return onPath ?? (File.Exists(installed) ? installed : throw new InvalidOperationException(
            $"kubectl was not found on PATH nor at {installed}: the deployment manifests cannot be rendered. "
            + "Run ./test.sh (it installs kubectl there when the machine has none) or install kubectl."));
    }
}
