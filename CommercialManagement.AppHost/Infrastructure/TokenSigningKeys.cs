using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// The two token key pairs (ES256): the gateway's and the Notification worker's. Each private key is the AppHost's
/// Auth:Gateway:PrivateKey or Auth:Notification:PrivateKey when configured, else generated once and kept in the data
/// folder (mode 600), never in the repository; its public key is derived from it. A project gets exactly the settings
/// <see cref="TokenKeys.GivenTo"/> names for it: a private key to its owner only.
/// </summary>
internal static class TokenSigningKeys
{
    private static readonly (string Owner, string PrivateSetting, string PublicSetting)[] Pairs =
    [
        ("gateway", TokenKeys.GatewayPrivateKey, TokenKeys.GatewayPublicKey),
        ("notification", TokenKeys.NotificationPrivateKey, TokenKeys.NotificationPublicKey),
    ];

    public static IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> AddTokenKeys(this IDistributedApplicationBuilder builder)
    {
        var keys = new Dictionary<string, IResourceBuilder<ParameterResource>>();
        foreach (var (owner, privateSetting, publicSetting) in Pairs)
        {
            var configured = builder.Configuration[privateSetting];
            var (privateKey, publicKey) = TokenKeys.Pair(string.IsNullOrWhiteSpace(configured) ? Stored(builder, owner) : configured, privateSetting);
            keys[privateSetting] = builder.AddParameter($"{owner}-token-private-key", privateKey, secret: true);
            keys[publicSetting] = builder.AddParameter($"{owner}-token-public-key", publicKey);
        }

        return keys;
    }

    public static IResourceBuilder<ProjectResource> WithTokenKeys(
        this IResourceBuilder<ProjectResource> project, IReadOnlyDictionary<string, IResourceBuilder<ParameterResource>> keys)
    {
        foreach (var setting in TokenKeys.GivenTo(project.Resource.Name))
        {
            project.WithEnvironment(TokenKeys.EnvironmentVariable(setting), keys[setting]);
        }

        return project;
    }

    private static string Stored(IDistributedApplicationBuilder builder, string owner)
    {
        var folder = LocalInfrastructure.DataFolder(builder, LocalInfrastructure.RepositoryRoot(builder));
        // The shared HMAC key of earlier versions (whoever held it could sign as the gateway) is no longer read: not kept.
        var retired = Path.Combine(folder, "auth-signing.key");
        if (File.Exists(retired))
        {
            File.Delete(retired);
        }

        var file = Path.Combine(folder, $"{owner}-token.key");
        if (!File.Exists(file))
        {
            // Created readable by its owner alone from the first byte (not written, then narrowed).
            var options = new FileStreamOptions { Mode = FileMode.CreateNew, Access = FileAccess.Write };
            if (!OperatingSystem.IsWindows())
            {
                options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
            }

            using var writer = new StreamWriter(file, System.Text.Encoding.UTF8, options);
            writer.Write(TokenKeys.NewPrivateKey());
        }
        else if (!OperatingSystem.IsWindows())
        {
            File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return File.ReadAllText(file);
    }
}
