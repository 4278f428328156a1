using System.Security.Cryptography;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Hosting;
using Microsoft.IdentityModel.Tokens;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>
/// The ECDSA P-256 key pairs tokens are signed with (ES256). A signer alone holds its private key: the gateway (staff, API
/// and customer tokens) and the Notification worker (its document tokens, for a quote's PDF). Whoever checks a token holds
/// only the signer's public key, so no service can make a token anybody accepts. A private key is PKCS#8, a public key
/// SubjectPublicKeyInfo, each as PEM or as its DER in base64 on one line. Development without configuration falls back to
/// fixed development-only pairs; elsewhere a missing key stops the start.
/// </summary>
public static class TokenKeys
{
    public const string GatewayPrivateKey = "Auth:Gateway:PrivateKey";
    public const string GatewayPublicKey = "Auth:Gateway:PublicKey";
    public const string NotificationPrivateKey = "Auth:Notification:PrivateKey";
    public const string NotificationPublicKey = "Auth:Notification:PublicKey";

    private const string PrivateLabel = "PRIVATE KEY";
    private const string PublicLabel = "PUBLIC KEY";

    /// <summary>The gateway's private key: it signs every token a service or the gateway's API accepts.</summary>
    public static ECDsaSecurityKey GatewaySigningKey(IConfiguration configuration, IHostEnvironment environment) =>
        Load(configuration, environment, GatewayPrivateKey, DevelopmentOnly.GatewayPrivate, isPrivate: true);

    /// <summary>The gateway's public key: every service checks staff and customer tokens with it.</summary>
    public static ECDsaSecurityKey GatewayVerificationKey(IConfiguration configuration, IHostEnvironment environment) =>
        Load(configuration, environment, GatewayPublicKey, DevelopmentOnly.GatewayPublic, isPrivate: false);

    /// <summary>Notification's private key: it signs the document tokens it fetches a quote's PDF with.</summary>
    public static ECDsaSecurityKey NotificationSigningKey(IConfiguration configuration, IHostEnvironment environment) =>
        Load(configuration, environment, NotificationPrivateKey, DevelopmentOnly.NotificationPrivate, isPrivate: true);

    /// <summary>Notification's public key: the Quote service checks document tokens with it.</summary>
    public static ECDsaSecurityKey NotificationVerificationKey(IConfiguration configuration, IHostEnvironment environment) =>
        Load(configuration, environment, NotificationPublicKey, DevelopmentOnly.NotificationPublic, isPrivate: false);

    /// <summary>
    /// The settings a process of the system is given, by its resource name: a private key to its signer only, a public key
    /// to whoever checks that signer's tokens. The AppHost passes exactly these.
    /// </summary>
    public static IReadOnlyList<string> GivenTo(string resourceName) => resourceName switch
    {
        ResourceNames.Gateway => [GatewayPrivateKey],
        ResourceNames.NotificationWorker => [GatewayPublicKey, NotificationPrivateKey],
        ResourceNames.QuoteApi or ResourceNames.PaymentApi => [GatewayPublicKey, NotificationPublicKey],
        ResourceNames.InboxApi or ResourceNames.DossierApi => [GatewayPublicKey],
        _ => [],
    };

    /// <summary>The environment variable a setting reads from (<c>Auth:Gateway:PublicKey</c> is <c>Auth__Gateway__PublicKey</c>).</summary>
    public static string EnvironmentVariable(string setting) => setting.Replace(":", "__", StringComparison.Ordinal);

    /// <summary>A new private key (PKCS#8 PEM), to keep in a file of its own.</summary>
    public static string NewPrivateKey()
    {
        using var ecdsa = ECDsa.Create(ECCurve.NamedCurves.nistP256);
        return ecdsa.ExportPkcs8PrivateKeyPem();
    }

    /// <summary>A private key (PEM or base64 DER) and its public key, each as its DER in base64 on one line, as settings take them.</summary>
    public static (string PrivateKey, string PublicKey) Pair(string privateKey, string setting)
    {
        using var ecdsa = Import(privateKey, setting, isPrivate: true);
        return (Convert.ToBase64String(ecdsa.ExportPkcs8PrivateKey()), Convert.ToBase64String(ecdsa.ExportSubjectPublicKeyInfo()));
    }

    private static ECDsaSecurityKey Load(IConfiguration configuration, IHostEnvironment environment, string setting, string developmentOnly, bool isPrivate)
    {
        var configured = configuration[setting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            if (!environment.IsDevelopment())
            {
                throw new InvalidOperationException($"{setting} is not set: tokens cannot be {(isPrivate ? "signed" : "checked")}.");
            }

            configured = developmentOnly;
        }

        return new ECDsaSecurityKey(Import(configured, setting, isPrivate));
    }

    private static ECDsa Import(string text, string setting, bool isPrivate)
    {
        var label = isPrivate ? PrivateLabel : PublicLabel;
        var ecdsa = ECDsa.Create();
        try
        {
            var der = Der(text.Trim(), label);
            if (isPrivate)
            {
                ecdsa.ImportPkcs8PrivateKey(der, out _);
            }
            else
            {
                ecdsa.ImportSubjectPublicKeyInfo(der, out _);
            }
        }
        catch (Exception e) when (e is CryptographicException or FormatException)
        {
            ecdsa.Dispose();
            throw new InvalidOperationException($"{setting} is not an unencrypted ECDSA {label.ToLowerInvariant()} (PEM, or its DER in base64).", e);
        }

        // P-256 itself, not any 256-bit curve (secp256k1, brainpool): ES256 names one curve.
        if (ecdsa.ExportParameters(false).Curve.Oid?.Value != ECCurve.NamedCurves.nistP256.Oid.Value)
        {
            var size = ecdsa.KeySize;
            ecdsa.Dispose();
            throw new InvalidOperationException($"{setting} must be a P-256 key (ES256), not another curve ({size} bits).");
        }

        return ecdsa;
    }

    private static byte[] Der(string text, string label)
    {
        if (!text.StartsWith("-----", StringComparison.Ordinal))
        {
            return Convert.FromBase64String(text);
        }

        if (!PemEncoding.TryFind(text, out var fields) || !text.AsSpan()[fields.Label].SequenceEqual(label))
        {
            throw new FormatException($"Not a PEM « {label} ».");
        }

        return Convert.FromBase64String(text[fields.Base64Data]);
    }

    /// <summary>Published here, so never secret: only Development falls back to them, never a deployed system.</summary>
    private static class DevelopmentOnly
    {
        public const string GatewayPrivate =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg+0VYHJl37q0t7/gF04UedsK7McvF5O29CnC23s7MEh2hRANCAASSGP2jtc9l3PdmtmHR1Yqk9hNhuVn1RCje7gryfs9V+5F9nLXWCkXhr3RakjT4H3a27hyA5vCan96X6bJ/L0I1";

        public const string GatewayPublic =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAEkhj9o7XPZdz3ZrZh0dWKpPYTYblZ9UQo3u4K8n7PVfuRfZy11gpF4a90WpI0+B92tu4cgObwmp/el+myfy9CNQ==";

        public const string NotificationPrivate =
            "MIGHAgEAMBMGByqGSM49AgEGCCqGSM49AwEHBG0wawIBAQQg7h00LQLtkL9mSHbveXHHtPhKh5DlWISynqnJHGioP8ShRANCAATj+JdU2cxvEv45nv6tYlv1KAfaTXeb/5lPWqAstTxu7KJlWZTPSFlUCPKCGj2B79lKCcealAUyVta5vaOO80Dr";

        public const string NotificationPublic =
            "MFkwEwYHKoZIzj0CAQYIKoZIzj0DAQcDQgAE4/iXVNnMbxL+OZ7+rWJb9SgH2k13m/+ZT1qgLLU8buyiZVmUz0hZVAjygho9ge/ZSgnHmpQFMlbWub2jjvNA6w==";
    }
}
