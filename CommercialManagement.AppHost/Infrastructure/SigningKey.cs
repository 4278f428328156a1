using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// The key the gateway signs staff tokens with and every service checks them with: Auth:SigningKey when configured,
/// else generated once and kept in the data folder, never in the repository.
/// </summary>
internal static class SigningKey
{
    public const string EnvironmentVariable = "Auth__SigningKey";

    public static IResourceBuilder<ParameterResource> AddSigningKey(this IDistributedApplicationBuilder builder)
    {
        var configured = builder.Configuration["Auth:SigningKey"];
        if (string.IsNullOrWhiteSpace(configured))
        {
            var file = Path.Combine(LocalInfrastructure.DataFolder(builder, LocalInfrastructure.RepositoryRoot(builder)), "auth-signing.key");
            if (!File.Exists(file))
            {
                File.WriteAllText(file, Convert.ToBase64String(RandomNumberGenerator.GetBytes(48)));
                if (!OperatingSystem.IsWindows())
                {
                    File.SetUnixFileMode(file, UnixFileMode.UserRead | UnixFileMode.UserWrite);
                }
            }

            configured = File.ReadAllText(file).Trim();
        }

        return builder.AddParameter("auth-signing-key", configured, secret: true);
    }

    public static IResourceBuilder<ProjectResource> WithSigningKey(this IResourceBuilder<ProjectResource> project, IResourceBuilder<ParameterResource> key) =>
        project.WithEnvironment(EnvironmentVariable, key);
}
