using System.Net.Mail;
using System.Text.RegularExpressions;
using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.BuildingBlocks.Stays;

namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

/// <summary>
/// The intake rules, in words a website developer (and the visitor, through the form) can act on. The stay's rules
/// are <see cref="StayRules"/>, checked against today in Europe/Paris, the destination's time.
/// </summary>
internal static partial class SubmitRequestValidator
{
    public const int MaxNameLength = 200;
    public const int MaxMessageLength = 5000;

    public static Dictionary<string, string[]> Validate(SubmitRequestBody body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(body.SiteKey))
        {
            Add("siteKey", "La clé de site (siteKey) est obligatoire.");
        }

        ValidateContact(body.Name, body.Email, body.Phone, Add);
        if (body.Message is { Length: > MaxMessageLength })
        {
            Add("message", $"Le message ne doit pas dépasser {MaxMessageLength} caractères.");
        }

        StayRules.Check(body.Arrival, body.Departure, body.Adults, body.ChildrenAges, ParisTime.Day(now), Add);
        if (body.Consent != true)
        {
            Add("consent", "Le consentement à être recontacté est obligatoire.");
        }

        return errors;
    }

    /// <summary>The rules a request typed in by staff shares with the web form.</summary>
    public static Dictionary<string, string[]> ValidatePhoneRequest(Requests.PhoneRequestBody body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];
        ValidateContact(body.Name, body.Email, body.Phone, Add);
        if (body.Note is { Length: > MaxMessageLength })
        {
            Add("note", $"La note ne doit pas dépasser {MaxMessageLength} caractères.");
        }

        StayRules.Check(body.Arrival, body.Departure, body.Adults, body.ChildrenAges, ParisTime.Day(now), Add);
        return errors;
    }

    private static void ValidateContact(string? name, string? email, string? phone, Action<string, string> add)
    {
        if (string.IsNullOrWhiteSpace(name))
        {
            add("name", "Le nom est obligatoire.");
        }
        else if (name.Trim().Length > MaxNameLength)
        {
            add("name", $"Le nom ne doit pas dépasser {MaxNameLength} caractères.");
        }
        else if (LooksLikeALinkOrMarkup(name))
        {
            // The acknowledgement greets the customer by this name, from the organisation's address, at the address
            // typed: a name carrying a link would make the form a way to send anyone a link from us.
            add("name", "Le nom ne peut contenir ni adresse web ni balise (< >) : indiquez seulement vos nom et prénom.");
        }

        if (string.IsNullOrWhiteSpace(email))
        {
            add("email", "L'adresse e-mail est obligatoire.");
        }
        else if (!IsEmail(email.Trim()))
        {
            add("email", "L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr).");
        }

        if (!string.IsNullOrWhiteSpace(phone) && !IsPhone(phone))
        {
            add("phone", "Le numéro de téléphone n'est pas valide (exemple : +33 6 12 34 56 78).");
        }
    }

    private static bool IsEmail(string value) =>
        value.Length <= 254 && MailAddress.TryCreate(value, out var address) && address.Address == value
        && address.Host.Contains('.', StringComparison.Ordinal);

    private static bool IsPhone(string value)
    {
        var trimmed = value.Trim();
        var digits = trimmed.Count(char.IsAsciiDigit);
        return trimmed.Length <= 40 && PhoneCharacters().IsMatch(trimmed) && digits is >= 6 and <= 15;
    }

    [GeneratedRegex(@"^\+?[0-9 .\-()]+$")]
    private static partial Regex PhoneCharacters();

    /// <summary>A scheme (« http:// »), « www. », a bare domain with a common top-level domain, or markup.</summary>
    internal static bool LooksLikeALinkOrMarkup(string name) =>
        name.Contains('<') || name.Contains('>') || LinkInName().IsMatch(name);

    [System.Text.RegularExpressions.GeneratedRegex(
        @"[a-z][a-z0-9+.-]*:/|www\.|[\p{L}\p{N}-]+\.(?:com|net|org|info|biz|fr|eu|io|co|me|ru|cn|xyz|top|site|online|link|click|ly|gl|be|ch|de|uk|us|example|test)\b",
        System.Text.RegularExpressions.RegexOptions.IgnoreCase | System.Text.RegularExpressions.RegexOptions.CultureInvariant)]
    private static partial System.Text.RegularExpressions.Regex LinkInName();
}
