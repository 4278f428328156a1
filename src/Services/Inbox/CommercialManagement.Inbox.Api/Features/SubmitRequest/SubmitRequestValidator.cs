using System.Net.Mail;
using System.Text.RegularExpressions;

namespace CommercialManagement.Inbox.Api.Features.SubmitRequest;

/// <summary>
/// The intake rules, in words a website developer (and the visitor, through the form) can act on. Dates are
/// checked against today in Europe/Paris, the destination's time.
/// </summary>
internal static partial class SubmitRequestValidator
{
    public const int MaxNameLength = 200;
    public const int MaxMessageLength = 5000;
    public const int MaxNights = 60;
    public const int MaxPeople = 30;

    private static readonly TimeZoneInfo Paris = TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris");

    public static Dictionary<string, string[]> Validate(SubmitRequestBody body, DateTimeOffset now)
    {
        var errors = new Dictionary<string, string[]>();
        void Add(string field, string message) => errors[field] = [message];

        if (string.IsNullOrWhiteSpace(body.SiteKey))
        {
            Add("siteKey", "La clé de site (siteKey) est obligatoire.");
        }

        if (string.IsNullOrWhiteSpace(body.Name))
        {
            Add("name", "Le nom est obligatoire.");
        }
        else if (body.Name.Trim().Length > MaxNameLength)
        {
            Add("name", $"Le nom ne doit pas dépasser {MaxNameLength} caractères.");
        }

        if (string.IsNullOrWhiteSpace(body.Email))
        {
            Add("email", "L'adresse e-mail est obligatoire.");
        }
        else if (!IsEmail(body.Email.Trim()))
        {
            Add("email", "L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr).");
        }

        if (!string.IsNullOrWhiteSpace(body.Phone) && !IsPhone(body.Phone))
        {
            Add("phone", "Le numéro de téléphone n'est pas valide (exemple : +33 6 12 34 56 78).");
        }

        if (body.Message is { Length: > MaxMessageLength })
        {
            Add("message", $"Le message ne doit pas dépasser {MaxMessageLength} caractères.");
        }

        ValidateStay(body, DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(now, Paris).DateTime), Add);

        if (body.Consent != true)
        {
            Add("consent", "Le consentement à être recontacté est obligatoire.");
        }

        return errors;
    }

    private static void ValidateStay(SubmitRequestBody body, DateOnly today, Action<string, string> add)
    {
        if (body.Arrival is null != body.Departure is null)
        {
            add(body.Arrival is null ? "arrival" : "departure", "Indiquez à la fois la date d'arrivée et la date de départ, ou aucune des deux.");
        }
        else if (body.Arrival is { } arrival && body.Departure is { } departure)
        {
            if (arrival < today)
            {
                add("arrival", "La date d'arrivée ne peut pas être passée.");
            }

            if (departure <= arrival)
            {
                add("departure", "La date de départ doit être après la date d'arrivée.");
            }
            else if (departure.DayNumber - arrival.DayNumber > MaxNights)
            {
                add("departure", $"Le séjour ne peut pas dépasser {MaxNights} nuits.");
            }
        }

        var adults = body.Adults ?? 1;
        var children = body.ChildrenAges ?? [];
        if (adults < 1)
        {
            add("adults", "Il faut au moins un adulte.");
        }
        else if (adults + children.Length > MaxPeople)
        {
            add("adults", $"Le groupe compte de 1 à {MaxPeople} personnes ; pour un groupe plus grand, écrivez-nous dans le message.");
        }

        if (children.Any(age => age is < 0 or > 17))
        {
            add("childrenAges", "L'âge de chaque enfant est compris entre 0 et 17 ans.");
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
}
