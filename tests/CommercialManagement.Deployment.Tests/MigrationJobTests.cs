using System.Diagnostics;
using System.Security.Cryptography;
using System.Text;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using CommercialManagement.TestKit;
using Npgsql;
using YamlDotNet.RepresentationModel;

namespace CommercialManagement.Deployment.Tests;

/// <summary>
/// Each database has a migration Job, and that Job, run as written (its image's project, its environment, the Secret's
/// values made up here), applies every migration on an empty database and exits 0 without serving.
/// </summary>
public sealed class MigrationJobTests
{
    private static readonly TimeSpan JobDeadline = TimeSpan.FromMinutes(2);

    private static readonly string[] DatabaseNames =
    [
        ResourceNames.IdentityDb, ResourceNames.InboxDb, ResourceNames.DossierDb,
        ResourceNames.QuoteDb, ResourceNames.PaymentDb, ResourceNames.NotificationDb,
    ];

    public static TheoryData<string> Databases => new(DatabaseNames);

    [Fact]
    public void EveryDatabaseTheDeploymentsRead_HasAMigrationJob()
    {
        var manifests = Manifests.Of(Manifests.Production);
        var read = manifests.OfKind("Deployment")
            .SelectMany(d => d.Containers().Single().Env().Select(e => e.Text("name")!))
            .Where(n => n.StartsWith("ConnectionStrings__", StringComparison.Ordinal))
            .Select(n => n["ConnectionStrings__".Length..])
            .Except([ResourceNames.RabbitMq, ResourceNames.Smtp]);
        Assert.Equal(DatabaseNames.Order(), read.Order());
        Assert.Equal(read.Select(d => $"migrate-{d}").Order(), manifests.OfKind("Job").Select(j => j.Name()!).Order());
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public void MigrationJob_RunsTheImageOfTheServiceThatOwnsItsDatabase_OnlyToMigrate(string database)
    {
        var manifests = Manifests.Of(Manifests.Production);
        var job = manifests.Single("Job", $"migrate-{database}");
        var container = Assert.Single(job.Containers());
        var owner = manifests.OfKind("Deployment").Single(d => d.Containers().Single().Env().Any(e => e.Text("name") == $"ConnectionStrings__{database}"));
        Assert.Equal(owner.Containers().Single().Text("image"), container.Text("image"));
        Assert.Equal("true", container.EnvValue("Database__MigrateOnly"));
        Assert.Equal("Never", job.PodSpec().Text("restartPolicy"));
        Assert.Equal("migration", job.At("spec", "template", "metadata", "labels")?.Text("app.kubernetes.io/component"));
    }

    [Theory]
    [MemberData(nameof(Databases))]
    public async Task MigrationJob_AsWritten_AppliesEveryMigrationAndExits(string database)
    {
        var manifests = Manifests.Of(Manifests.Production);
        var container = Assert.Single(manifests.Single("Job", $"migrate-{database}").Containers());
        var project = ContainerProjects.All().Single(p => p.Repository == WorkloadTests.Repository(container.Text("image")!));
        Assert.True(File.Exists(project.Assembly), $"{project.Assembly} is not built: build the solution first");

        var server = await PostgresServer.GetAsync();
        var connectionString = await server.CreateDatabaseAsync(database);
        var secrets = new Secrets(connectionString, database);

        var start = new ProcessStartInfo("dotnet", [project.Assembly])
        {
            WorkingDirectory = Path.GetDirectoryName(project.Assembly)!,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var inherited in start.Environment.Keys.Where(IsSetting).ToList())
        {
            start.Environment.Remove(inherited);
        }

        foreach (var env in container.Env())
        {
            start.Environment[env.Text("name")!] = env.Text("value") ?? Value(manifests, env, secrets);
        }

        // Only if it served by mistake: never on a port anything else uses.
        start.Environment["ASPNETCORE_URLS"] = "http://127.0.0.1:0";

        var output = new StringBuilder();
        using var process = Process.Start(start) ?? throw new InvalidOperationException("dotnet could not be started");
        process.OutputDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.ErrorDataReceived += (_, e) => { lock (output) { output.AppendLine(e.Data); } };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        using var deadline = new CancellationTokenSource(JobDeadline);
        try
        {
            await process.WaitForExitAsync(deadline.Token);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            Assert.Fail($"The migration job of {database} was still running after {JobDeadline.TotalSeconds} s (it serves instead of exiting):\n{output}");
        }

        Assert.True(process.ExitCode == 0, $"The migration job of {database} exited {process.ExitCode}:\n{output}");
        await using var connection = new NpgsqlConnection(connectionString);
        await connection.OpenAsync();
        await using var count = new NpgsqlCommand("SELECT count(*) FROM __ef_migrations_history", connection);
        Assert.Equal(MigrationsIn(project), Convert.ToInt32(await count.ExecuteScalarAsync(), System.Globalization.CultureInfo.InvariantCulture));
    }

    private static bool IsSetting(string name) =>
        new[] { "ASPNETCORE_", "DOTNET_ENVIRONMENT", "ConnectionStrings__", "Auth__", "Stripe__", "Email__", "Database__", "services__", "OTEL_" }
            .Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));

    private static string Value(Manifests manifests, YamlMappingNode env, Secrets secrets) =>
        env.At("valueFrom", "secretKeyRef")?.Text("key") is { } key ? secrets.For(key)
        : env.At("valueFrom", "configMapKeyRef") is { } reference ? manifests.ConfigValue(reference)
        : throw new Xunit.Sdk.XunitException($"{env.Text("name")}: neither a value, a Secret key nor a ConfigMap key");

    /// <summary>The migrations a project has: one <c>[Migration("…")]</c> per designer file.</summary>
    private static int MigrationsIn(ContainerProjects project) =>
        Directory.EnumerateFiles(Path.GetDirectoryName(project.ProjectFile)!, "*.Designer.cs", SearchOption.AllDirectories)
            .Where(f => !f.Contains($"{Path.DirectorySeparatorChar}obj{Path.DirectorySeparatorChar}", StringComparison.Ordinal))
            .Count(f => File.ReadAllText(f).Contains("[Migration(\"", StringComparison.Ordinal));

    /// <summary>Values for the Secret's keys, made up for one run: what an operator puts in commercialmanagement-secrets.</summary>
    private sealed class Secrets(string connectionString, string database)
    {
        private readonly Lazy<(string Private, string Public)> _gateway = new(Pair);
        private readonly Lazy<(string Private, string Public)> _notification = new(Pair);

        public string For(string key) => key switch
        {
            _ when key == $"connectionstrings-{database}" => connectionString,
            // Read by the bus's registration, never opened: a migration sends nothing.
            "connectionstrings-rabbitmq" => "amqp://guest:guest@127.0.0.1:1/",
            "connectionstrings-smtp" => "smtp://127.0.0.1:1",
            "gateway-token-private-key" => _gateway.Value.Private,
            "gateway-token-public-key" => _gateway.Value.Public,
            "notification-token-private-key" => _notification.Value.Private,
            "notification-token-public-key" => _notification.Value.Public,
            "stripe-secret-key" => "sk_test_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            "stripe-webhook-secret" => "whsec_" + Convert.ToHexString(RandomNumberGenerator.GetBytes(12)),
            _ => throw new Xunit.Sdk.XunitException($"The migration job reads the Secret's key {key}, which this test does not know"),
        };

        private static (string Private, string Public) Pair()
        {
            var privateKey = TokenKeys.NewPrivateKey();
            using var ecdsa = ECDsa.Create();
            ecdsa.ImportFromPem(privateKey);
            return (privateKey, ecdsa.ExportSubjectPublicKeyInfoPem());
        }
    }
}
