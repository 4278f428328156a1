namespace CommercialManagement.BuildingBlocks.Legal;

/// <summary>
/// The identifiers a French invoice names: SIREN (9 digits), SIRET (SIREN + 5 digits), both checked with the Luhn key
/// INSEE uses, and the intra-community VAT number (two letters, then 2 to 13 characters; for France « FR », a two-digit
/// key and the SIREN, the key being (12 + 3 × (SIREN mod 97)) mod 97). Input may contain spaces; the normal form has none.
/// </summary>
public static class BusinessIds
{
    public const string CompanyIdMessage = "Le SIREN compte 9 chiffres et le SIRET 14 (espaces permis) ; vérifiez-le, sa clé ne correspond pas.";

    public const string VatNumberMessage = "Le numéro de TVA intracommunautaire commence par deux lettres (FR pour la France) suivies de 2 à 13 caractères, par exemple FR32123456789.";

    /// <summary>Without spaces, dots and dashes, in capitals; null for blank.</summary>
    public static string? Normalise(string? value)
    {
        if (string.IsNullOrWhiteSpace(value))
        {
            return null;
        }

        return new string([.. value.Where(c => !char.IsWhiteSpace(c) && c is not '.' and not '-').Select(char.ToUpperInvariant)]);
    }

    /// <summary>A SIREN or a SIRET with a valid key (the normal form, see <see cref="Normalise"/>).</summary>
    public static bool IsCompanyId(string normalised) =>
        normalised.Length is 9 or 14 && normalised.All(char.IsAsciiDigit) && Luhn(normalised) && (normalised.Length == 9 || Luhn(normalised[..9]));

    /// <summary>The SIREN of a SIREN or SIRET.</summary>
    public static string Siren(string companyId) => companyId.Length >= 9 ? companyId[..9] : companyId;

    public static bool IsVatNumber(string normalised)
    {
        if (normalised.Length is < 4 or > 15 || !char.IsAsciiLetterUpper(normalised[0]) || !char.IsAsciiLetterUpper(normalised[1])
            || !normalised[2..].All(char.IsAsciiLetterOrDigit))
        {
            return false;
        }

        if (!normalised.StartsWith("FR", StringComparison.Ordinal))
        {
            return true;
        }

        // France: FR + key + SIREN. The key is numeric for every company registered since the SIREN existed.
        var rest = normalised[2..];
        if (rest.Length != 11 || !rest.All(char.IsAsciiDigit) || !IsCompanyId(rest[2..]))
        {
            return false;
        }

        var siren = long.Parse(rest[2..], System.Globalization.CultureInfo.InvariantCulture);
        return int.Parse(rest[..2], System.Globalization.CultureInfo.InvariantCulture) == (12 + 3 * (siren % 97)) % 97;
    }

    private static bool Luhn(string digits)
    {
        var sum = 0;
        for (var i = 0; i < digits.Length; i++)
        {
            var d = digits[digits.Length - 1 - i] - '0';
            if (i % 2 == 1)
            {
                d *= 2;
                if (d > 9)
                {
                    d -= 9;
                }
            }

            sum += d;
        }

        return sum % 10 == 0;
    }
}
