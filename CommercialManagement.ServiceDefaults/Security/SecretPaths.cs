using System.Text.RegularExpressions;

namespace CommercialManagement.ServiceDefaults.Security;

/// <summary>
/// Addresses that carry a secret in their path: a customer space's token (<c>/espace/{token}</c> on the gateway,
/// <c>/public/spaces/{token}</c> on Inbox) opens the customer's quote and payments. Logs and traces keep the address
/// with the token replaced, never the token itself.
/// </summary>
public static partial class SecretPaths
{
    public const string Mask = "***";

    /// <summary>The value with every customer-space token masked (a path, a full URL, or a log line).</summary>
    public static string Redact(string value) => Token().Replace(value, "$1" + Mask);

    public static bool HasSecret(string? value) => value is not null && Token().IsMatch(value);

    [GeneratedRegex(@"(/(?:espace|public/spaces)/)(?!\*\*\*)[^/?#\s]+", RegexOptions.CultureInvariant)]
    private static partial Regex Token();
}
