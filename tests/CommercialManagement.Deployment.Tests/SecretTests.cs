using System.Text.RegularExpressions;
using CommercialManagement.TestKit;

namespace CommercialManagement.Deployment.Tests;

/// <summary>No secret value is in the repository or in what it renders: every secret comes from the Secret the operator creates.</summary>
public sealed partial class SecretTests
{
    public const string SecretName = "commercialmanagement-secrets";

    public static TheoryData<string> Renderings => WorkloadTests.Renderings;

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Rendering_HoldsNoValueThatLooksLikeASecret(string folder)
    {
        Assert.Empty(SecretLooking.Find(Manifests.Of(folder).Text));
    }

    [Fact]
    public void Repository_DeployFolderHoldsNoValueThatLooksLikeASecret_NorAKeyFile()
    {
        var folder = Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes");
        foreach (var file in Directory.EnumerateFiles(folder, "*", SearchOption.AllDirectories))
        {
            Assert.True(file.EndsWith(".yaml", StringComparison.Ordinal) || file.EndsWith(".md", StringComparison.Ordinal), $"{file}: only manifests and their README belong here");
            Assert.Empty(SecretLooking.Find(File.ReadAllText(file)).Select(found => $"{file}: {found}"));
        }
    }

    [Theory]
    [MemberData(nameof(Renderings))]
    public void Rendering_HasNoSecretObject_TheOperatorCreatesIt(string folder)
    {
        Assert.Empty(Manifests.Of(folder).OfKind("Secret").Select(s => s.Name()));
        Assert.DoesNotContain("secretGenerator", Manifests.Of(folder).Text, StringComparison.Ordinal);
        foreach (var kustomization in Directory.EnumerateFiles(Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes"), "kustomization.yaml", SearchOption.AllDirectories))
        {
            Assert.DoesNotContain("secretGenerator", File.ReadAllText(kustomization), StringComparison.Ordinal);
        }
    }

    /// <summary>A connection string, a private key, a Stripe key: a reference to the Secret, never a value in the manifest.</summary>
    [Theory]
    [MemberData(nameof(Renderings))]
    public void SecretSettings_ComeFromTheSecret(string folder)
    {
        foreach (var (workload, container) in WorkloadTests.Containers(Manifests.Of(folder)))
        {
            Assert.DoesNotContain(container.Items("envFrom"), e => e.At("configMapRef") is not null);
            foreach (var env in container.Env().Where(e => IsSecretSetting(e.Text("name")!)))
            {
                var reference = env.At("valueFrom", "secretKeyRef");
                Assert.True(reference is not null, $"{workload}: {env.Text("name")} is not read from a Secret");
                Assert.Equal(SecretName, reference!.Text("name"));
            }
        }
    }

    /// <summary>The README's <c>kubectl create secret</c> command creates exactly the keys the manifests read.</summary>
    [Fact]
    public void Readme_CreatesEveryKeyTheManifestsRead()
    {
        var readme = File.ReadAllText(Path.Combine(RepositoryRoot.Path, "deploy", "kubernetes", "README.md"));
        var created = CreatedKey().Matches(readme).Select(m => m.Groups[1].Value).Distinct().Order();
        var read = WorkloadTests.Containers(Manifests.Of(Manifests.Production))
            .SelectMany(c => c.Container.Env())
            .Select(e => e.At("valueFrom", "secretKeyRef")?.Text("key"))
            .OfType<string>().Distinct().Order();
        Assert.Equal(read, created);
    }

    [Theory]
    [InlineData("value: Host=db;Username=app;Password=hunter2")]
    [InlineData("value: amqp://app:hunter2@rabbitmq:5672/")]
    [InlineData("value: smtps://mailer:hunter2@smtp.example.com:465")]
    [InlineData("value: sk_live_51Habc")]
    [InlineData("value: pk_test_51Habc")]
    [InlineData("value: whsec_abcdef")]
    [InlineData("value: |\n  -----BEGIN PRIVATE KEY-----\n  MIGHAgEA\n  -----END PRIVATE KEY-----")]
    [InlineData("value: MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg")]
    public void SecretCheck_FindsEachKindOfSecret(string yaml)
    {
        Assert.NotEmpty(SecretLooking.Find(yaml));
    }

    private static bool IsSecretSetting(string name) =>
        name.StartsWith("ConnectionStrings__", StringComparison.Ordinal)
        || name.EndsWith("PrivateKey", StringComparison.Ordinal)
        || name.StartsWith("Stripe__", StringComparison.Ordinal)
        || name.Contains("Password", StringComparison.OrdinalIgnoreCase)
        || name.Contains("Secret", StringComparison.OrdinalIgnoreCase);

    [GeneratedRegex(@"--from-(?:literal|file)=([a-z0-9\-]+)=")]
    private static partial Regex CreatedKey();
}

/// <summary>Text that looks like a secret value: a password in a connection string, credentials in a URL, a PEM block or a DER key, a Stripe key.</summary>
internal static partial class SecretLooking
{
    public static IReadOnlyList<string> Find(string text) =>
        [.. Patterns().Matches(text).Select(m => m.Value)];

    [GeneratedRegex(
        @"(?i:\b(?:password|pwd)\s*=\s*[^;\s""'<>$]+)"
        + @"|\b(?:amqps?|smtps?|postgres(?:ql)?|https?)://[^\s:/@<>]+:[^\s@/<>]+@"
        + @"|-----BEGIN [A-Z ]*(?:PRIVATE KEY|PUBLIC KEY|CERTIFICATE)-----"
        + @"|\bMIG[HT]AgEAMBMGByqGSM49"
        + @"|\b(?:sk|pk|rk)_(?:test|live)_[A-Za-z0-9]+"
        + @"|\bwhsec_[A-Za-z0-9+/=]+")]
    private static partial Regex Patterns();
}
