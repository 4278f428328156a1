using System.Security.Cryptography;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.FileProviders;
using Microsoft.Extensions.Hosting;

namespace CommercialManagement.BuildingBlocks.UnitTests;

/// <summary>Who holds which token key (what the AppHost passes each process), and how a key is read.</summary>
public sealed class TokenKeysTests
{
    private static readonly string[] Processes =
    [
        ResourceNames.Gateway, ResourceNames.InboxApi, ResourceNames.DossierApi, ResourceNames.QuoteApi, ResourceNames.PaymentApi,
        ResourceNames.NotificationWorker, ResourceNames.DemoWebsite,
    ];

    [Fact]
    public void GivenTo_TheGatewaysPrivateKey_GoesToTheGatewayAlone()
    {
        Assert.Equal([ResourceNames.Gateway], Processes.Where(p => TokenKeys.GivenTo(p).Contains(TokenKeys.GatewayPrivateKey)));
    }

    [Fact]
    public void GivenTo_NotificationsPrivateKey_GoesToNotificationAlone_AndItsPublicKeyToQuoteAndPaymentAlone()
    {
        Assert.Equal([ResourceNames.NotificationWorker], Processes.Where(p => TokenKeys.GivenTo(p).Contains(TokenKeys.NotificationPrivateKey)));
        Assert.Equal([ResourceNames.QuoteApi, ResourceNames.PaymentApi], Processes.Where(p => TokenKeys.GivenTo(p).Contains(TokenKeys.NotificationPublicKey)));
    }

    [Fact]
    public void GivenTo_EveryServiceChecksTheGatewaysTokens_WithItsPublicKey()
    {
        string[] services = [ResourceNames.InboxApi, ResourceNames.DossierApi, ResourceNames.QuoteApi, ResourceNames.PaymentApi, ResourceNames.NotificationWorker];

        Assert.All(services, service => Assert.Contains(TokenKeys.GatewayPublicKey, TokenKeys.GivenTo(service)));
        Assert.Empty(TokenKeys.GivenTo(ResourceNames.DemoWebsite));
        Assert.Equal("Auth__Gateway__PrivateKey", TokenKeys.EnvironmentVariable(TokenKeys.GatewayPrivateKey));
    }

    [Fact]
    public void Keys_AsPemOrOneLine_AreThePair_AndSignAndCheck()
    {
        var pem = TokenKeys.NewPrivateKey();
        var (oneLine, publicKey) = TokenKeys.Pair(pem, "test");

        var fromPem = TokenKeys.GatewaySigningKey(Configuration(TokenKeys.GatewayPrivateKey, pem), Environment("Production"));
        var fromLine = TokenKeys.GatewaySigningKey(Configuration(TokenKeys.GatewayPrivateKey, oneLine), Environment("Production"));
        var verification = TokenKeys.GatewayVerificationKey(Configuration(TokenKeys.GatewayPublicKey, publicKey), Environment("Production"));

        var data = "charge utile"u8.ToArray();
        Assert.True(verification.ECDsa.VerifyData(data, fromPem.ECDsa.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.True(verification.ECDsa.VerifyData(data, fromLine.ECDsa.SignData(data, HashAlgorithmName.SHA256), HashAlgorithmName.SHA256));
        Assert.Throws<CryptographicException>(() => verification.ECDsa.ExportParameters(includePrivateParameters: true));
    }

    [Theory]
    [InlineData(TokenKeys.GatewayPrivateKey)]
    [InlineData(TokenKeys.GatewayPublicKey)]
    [InlineData(TokenKeys.NotificationPrivateKey)]
    [InlineData(TokenKeys.NotificationPublicKey)]
    public void MissingKey_OutsideDevelopment_StopsTheStart_NamingTheSetting(string setting)
    {
        var configuration = Configuration("Unrelated", "x");

        var error = Assert.Throws<InvalidOperationException>(() => Load(setting, configuration, Environment("Production")));

        Assert.StartsWith($"{setting} is not set", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void MissingKeys_InDevelopment_AreTheDevelopmentPairs()
    {
        var configuration = Configuration("Unrelated", "x");
        var development = Environment("Development");
        var data = "charge utile"u8.ToArray();

        var gateway = TokenKeys.GatewaySigningKey(configuration, development).ECDsa.SignData(data, HashAlgorithmName.SHA256);
        var notification = TokenKeys.NotificationSigningKey(configuration, development).ECDsa.SignData(data, HashAlgorithmName.SHA256);

        Assert.True(TokenKeys.GatewayVerificationKey(configuration, development).ECDsa.VerifyData(data, gateway, HashAlgorithmName.SHA256));
        Assert.True(TokenKeys.NotificationVerificationKey(configuration, development).ECDsa.VerifyData(data, notification, HashAlgorithmName.SHA256));
        Assert.False(TokenKeys.GatewayVerificationKey(configuration, development).ECDsa.VerifyData(data, notification, HashAlgorithmName.SHA256));
    }

    [Fact]
    public void PublicKeySetting_HoldingAPrivateKey_IsRefused()
    {
        var configuration = Configuration(TokenKeys.GatewayPublicKey, TokenKeys.NewPrivateKey());

        var error = Assert.Throws<InvalidOperationException>(() => TokenKeys.GatewayVerificationKey(configuration, Environment("Production")));

        Assert.Contains(TokenKeys.GatewayPublicKey, error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOfAnother256BitCurve_IsRefused()
    {
        // Review finding: a key size of 256 let brainpool or secp256k1 keys through, which ES256 does not name.
        using var brainpool = ECDsa.Create(ECCurve.NamedCurves.brainpoolP256r1);
        var configuration = Configuration(TokenKeys.GatewayPrivateKey, brainpool.ExportPkcs8PrivateKeyPem());

        var error = Assert.Throws<InvalidOperationException>(() => TokenKeys.GatewaySigningKey(configuration, Environment("Production")));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void KeyOfAnotherCurve_IsRefused()
    {
        using var p384 = ECDsa.Create(ECCurve.NamedCurves.nistP384);
        var configuration = Configuration(TokenKeys.GatewayPrivateKey, p384.ExportPkcs8PrivateKeyPem());

        var error = Assert.Throws<InvalidOperationException>(() => TokenKeys.GatewaySigningKey(configuration, Environment("Production")));

        Assert.Contains("P-256", error.Message, StringComparison.Ordinal);
    }

    private static object Load(string setting, IConfiguration configuration, IHostEnvironment environment) => setting switch
    {
        TokenKeys.GatewayPrivateKey => TokenKeys.GatewaySigningKey(configuration, environment),
        TokenKeys.GatewayPublicKey => TokenKeys.GatewayVerificationKey(configuration, environment),
        TokenKeys.NotificationPrivateKey => TokenKeys.NotificationSigningKey(configuration, environment),
        _ => TokenKeys.NotificationVerificationKey(configuration, environment),
    };

    private static IConfiguration Configuration(string setting, string value) =>
        new ConfigurationBuilder().AddInMemoryCollection([new(setting, value)]).Build();

    private static IHostEnvironment Environment(string name) => new TestEnvironment { EnvironmentName = name };

    private sealed class TestEnvironment : IHostEnvironment
    {
        public string EnvironmentName { get; set; } = "";

        public string ApplicationName { get; set; } = "tests";

        public string ContentRootPath { get; set; } = "";

        public IFileProvider ContentRootFileProvider { get; set; } = new NullFileProvider();
    }
}
