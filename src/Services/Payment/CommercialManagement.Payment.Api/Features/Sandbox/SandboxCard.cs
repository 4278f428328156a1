using System.Globalization;

namespace CommercialManagement.Payment.Api.Features.Sandbox;

/// <summary>What the sandbox's form asks, as typed.</summary>
internal sealed record SandboxCardForm(string Email, string CardNumber, string Expiry, string Cvc, string Name);

/// <summary>
/// Stripe's test cards, as the sandbox understands them: 4242 4242 4242 4242 pays; 4000 0000 0000 0002 is declined;
/// 4000 0000 0000 9995 is declined for insufficient funds; any other number is refused as unknown. The form's other fields are checked as a checkout would.
/// </summary>
internal static class SandboxCard
{
    public const string Succeeds = "4242424242424242";
    public const string Declined = "4000000000000002";
    public const string InsufficientFunds = "4000000000009995";

    /// <summary>Why the payment is refused (in French, for the customer), or null when the card pays.</summary>
    public static string? Refusal(SandboxCardForm form, DateOnly today)
    {
        var email = form.Email.Trim();
        if (email.Length is < 3 or > 200 || !email.Contains('@', StringComparison.Ordinal) || email.StartsWith('@') || email.EndsWith('@'))
        {
            return "Adresse e-mail invalide.";
        }

        if (!ValidExpiry(form.Expiry, today))
        {
            return "La date d'expiration de la carte est invalide ou dépassée (MM / AA).";
        }

        var cvc = form.Cvc.Trim();
        if (cvc.Length is < 3 or > 4 || !cvc.All(char.IsAsciiDigit))
        {
            return "Le code de sécurité (CVC) de la carte est incomplet.";
        }

        return Digits(form.CardNumber) switch
        {
            Succeeds => null,
            Declined => "Votre carte a été refusée.",
            InsufficientFunds => "Votre carte a été refusée : provision insuffisante.",
            _ => "Numéro de carte inconnu : utilisez une des cartes de test indiquées.",
        };
    }

    private static string Digits(string value) => new([.. value.Where(c => !char.IsWhiteSpace(c) && c != '-')]);

    private static bool ValidExpiry(string value, DateOnly today)
    {
        var parts = value.Replace(" ", "", StringComparison.Ordinal).Split('/');
        if (parts.Length != 2 || !int.TryParse(parts[0], NumberStyles.None, CultureInfo.InvariantCulture, out var month)
            || !int.TryParse(parts[1], NumberStyles.None, CultureInfo.InvariantCulture, out var year) || month is < 1 or > 12)
        {
            return false;
        }

        year = parts[1].Length == 2 ? 2000 + year : year;
        return year is >= 2000 and <= 2100 && new DateOnly(year, month, 1).AddMonths(1) > today;
    }
}
