using System.Security.Cryptography;
using System.Text;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Keeps a mailbox password unreadable in the database: AES-256-GCM under the service's mailbox key
/// (<c>Mailbox:SecretKey</c>, 32 bytes in base64, from the secret store: the AppHost generates one per machine and keeps
/// it in the data folder, Kubernetes mounts it from a Secret). The organisation's id is the associated data, so a cipher
/// copied onto another organisation's row does not open. Stored as nonce (12) + tag (16) + cipher text.
/// </summary>
internal sealed class MailboxSecrets(IConfiguration configuration)
{
    public const string KeySetting = "Mailbox:SecretKey";

    private const int NonceSize = 12;
    private const int TagSize = 16;

    /// <summary>False when no key is configured: mailboxes cannot be saved or opened, and staff are told why.</summary>
    public bool IsConfigured => Key() is not null;

    public byte[] Encrypt(Guid organisationId, string password)
    {
        var key = Key() ?? throw new InvalidOperationException($"{KeySetting} is not set.");
        var plain = Encoding.UTF8.GetBytes(password);
        var sealed_ = new byte[NonceSize + TagSize + plain.Length];
        var nonce = sealed_.AsSpan(0, NonceSize);
        RandomNumberGenerator.Fill(nonce);
        using var aes = new AesGcm(key, TagSize);
        aes.Encrypt(nonce, plain, sealed_.AsSpan(NonceSize + TagSize), sealed_.AsSpan(NonceSize, TagSize), organisationId.ToByteArray());
        return sealed_;
    }

    /// <summary>The password; null when there is none, or it does not open with this key (the key changed): staff type it again.</summary>
    public string? Decrypt(Guid organisationId, byte[] cipher)
    {
        if (Key() is not { } key || cipher.Length < NonceSize + TagSize)
        {
            return null;
        }

        var plain = new byte[cipher.Length - NonceSize - TagSize];
        try
        {
            using var aes = new AesGcm(key, TagSize);
            aes.Decrypt(cipher.AsSpan(0, NonceSize), cipher.AsSpan(NonceSize + TagSize), cipher.AsSpan(NonceSize, TagSize), plain, organisationId.ToByteArray());
            return Encoding.UTF8.GetString(plain);
        }
        catch (AuthenticationTagMismatchException)
        {
            return null;
        }
    }

    /// <summary>A new key for <see cref="KeySetting"/>.</summary>
    public static string NewKey() => Convert.ToBase64String(RandomNumberGenerator.GetBytes(32));

    private byte[]? Key()
    {
        var configured = configuration[KeySetting];
        if (string.IsNullOrWhiteSpace(configured))
        {
            return null;
        }

        var key = Convert.FromBase64String(configured.Trim());
        return key.Length == 32 ? key : throw new InvalidOperationException($"{KeySetting} must be 32 bytes in base64.");
    }
}
