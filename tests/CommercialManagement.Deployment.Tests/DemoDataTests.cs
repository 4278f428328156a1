using System.Diagnostics;
using System.Reflection.Metadata;
using System.Reflection.PortableExecutable;
using System.Text;

namespace CommercialManagement.Deployment.Tests;

/// <summary>
/// An image carries no demo data (ADR 0019): <c>dotnet publish</c>, as the image build runs it, compiles the services
/// without their Demo/ folders, while the build the tests and ./run.sh use keeps them. Types are read from the
/// assemblies' metadata (nothing is loaded).
/// </summary>
public sealed class DemoDataTests
{
    private const string Service = "CommercialManagement.Payment.Api";
    private const string BuildingBlocks = "CommercialManagement.BuildingBlocks";

    /// <summary>About 80 s on two busy cores: a restore and a Release build of the service and its references.</summary>
    private static readonly TimeSpan PublishDeadline = TimeSpan.FromMinutes(5);

    [Fact]
    [Trait("Category", "Slow")]
    public async Task PublishedService_HasNoDemoType_NorHaveItsBuildingBlocks()
    {
        var project = ContainerProjects.All().Single(p => Path.GetFileNameWithoutExtension(p.ProjectFile) == Service);
        var work = Directory.CreateTempSubdirectory("cm-publish-");
        try
        {
            var output = Path.Combine(work.FullName, "out");
            // Its own artifacts folder: the repository's bin and obj (which ./run.sh and the other tests use) stay untouched.
            await PublishAsync(project.ProjectFile, output, Path.Combine(work.FullName, "artifacts"));

            Assert.Empty(DemoTypes(Path.Combine(output, Service + ".dll")));
            Assert.Empty(DemoTypes(Path.Combine(output, BuildingBlocks + ".dll")));
        }
        finally
        {
            work.Delete(recursive: true);
        }
    }

    /// <summary>The same check finds the demo in the development build, so an empty answer above means something.</summary>
    [Fact]
    public void DevelopmentBuild_HasTheDemoTypes()
    {
        var project = ContainerProjects.All().Single(p => Path.GetFileNameWithoutExtension(p.ProjectFile) == Service);
        Assert.True(File.Exists(project.Assembly), $"{project.Assembly} is not built: build the solution first");

        Assert.Contains($"{Service}.Demo.PaymentDemoStory", DemoTypes(project.Assembly));
        Assert.Contains($"{BuildingBlocks}.Demo.DemoCases", DemoTypes(Path.Combine(Path.GetDirectoryName(project.Assembly)!, BuildingBlocks + ".dll")));
    }

    /// <summary>The full names of an assembly's types (nested ones too) that contain "Demo".</summary>
    private static List<string> DemoTypes(string assembly)
    {
        using var stream = File.OpenRead(assembly);
        using var pe = new PEReader(stream);
        var metadata = pe.GetMetadataReader();
        return metadata.TypeDefinitions
            .Select(handle => FullName(metadata, metadata.GetTypeDefinition(handle)))
            .Where(name => name.Contains("Demo", StringComparison.Ordinal))
            .ToList();
    }

    private static string FullName(MetadataReader metadata, TypeDefinition type)
    {
        var name = metadata.GetString(type.Name);
        var declaring = type.GetDeclaringType();
        if (!declaring.IsNil)
        {
            return FullName(metadata, metadata.GetTypeDefinition(declaring)) + "+" + name;
        }

        var ns = metadata.GetString(type.Namespace);
        return ns.Length == 0 ? name : ns + "." + name;
    }

    /// <summary><c>dotnet publish</c> as the image build runs it, without saying anything about demo data.</summary>
    private static async Task PublishAsync(string projectFile, string output, string artifacts)
    {
        // No build server nor MSBuild node outlives it.
        var start = new ProcessStartInfo("dotnet",
            ["publish", projectFile, "-c", "Release", "-o", output, "--artifacts-path", artifacts, "--disable-build-servers", "-nodeReuse:false", "-nologo", "-v", "quiet", "-clp:ErrorsOnly"])
        {
            WorkingDirectory = Path.GetDirectoryName(projectFile)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        var log = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (log) { log.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(PublishDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"dotnet publish {Path.GetFileName(projectFile)} was still running after {PublishDeadline.TotalMinutes} min:\n{log}");
        }

        Assert.True(process.ExitCode == 0, $"dotnet publish {Path.GetFileName(projectFile)} exited {process.ExitCode}:\n{log}");
    }
}
