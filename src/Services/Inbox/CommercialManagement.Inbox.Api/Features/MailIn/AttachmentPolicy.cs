using System.Globalization;
using System.Text;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// Which attachments of an inbound email are kept, and how they are served back. Anyone can write to the reply
/// mailbox, and staff open what it keeps: what runs when double-clicked (programs, scripts, shortcuts, disk images,
/// macro documents) or in a browser (HTML, SVG) is refused by its extension and by its declared type, whichever
/// betrays it; size limits keep one email from filling the database.
/// </summary>
internal static class AttachmentPolicy
{
    public const long MaxAttachmentBytes = 10 * 1024 * 1024;
    public const long MaxTotalBytes = 25 * 1024 * 1024;
    public const int MaxAttachments = 20;
    public const int MaxFileNameLength = 120;

    private const string DefaultName = "piece-jointe";
    private const double BytesPerMo = 1024 * 1024;

    public static AttachmentDecision Decide(string? fileName, string? contentType, long size, long keptSoFar, int countSoFar)
    {
        ArgumentOutOfRangeException.ThrowIfNegative(size);
        ArgumentOutOfRangeException.ThrowIfNegative(keptSoFar);
        ArgumentOutOfRangeException.ThrowIfNegative(countSoFar);

        var mediaType = MediaType(contentType);
        var name = SafeFileName(fileName, mediaType);
        if (DangerousFiles.Refusal(name, mediaType) is { } refusal)
        {
            return new AttachmentDecision.Refused(name, refusal);
        }

        if (size == 0)
        {
            return new AttachmentDecision.Refused(name, "Fichier vide.");
        }

        if (size > MaxAttachmentBytes)
        {
            return new AttachmentDecision.Refused(name, $"Trop volumineux ({Mo(size)} Mo, maximum {Mo(MaxAttachmentBytes)} Mo).");
        }

        if (countSoFar >= MaxAttachments)
        {
            return new AttachmentDecision.Refused(name, $"Trop de pièces jointes (maximum {MaxAttachments} par message).");
        }

        if (size > MaxTotalBytes - Math.Min(keptSoFar, MaxTotalBytes))
        {
            return new AttachmentDecision.Refused(name, $"Pièces jointes trop volumineuses au total (maximum {Mo(MaxTotalBytes)} Mo par message).");
        }

        return new AttachmentDecision.Kept(name, ServedContentType(contentType));
    }

    /// <summary>
    /// The Content-Type to serve a kept file with: the declared one for a small safe list (PDF, PNG, JPEG, GIF, WebP,
    /// plain text, CSV, the Office and OpenDocument types), else application/octet-stream, so that no browser renders
    /// or runs what a stranger sent. Always served as an attachment download (the endpoint sets Content-Disposition).
    /// </summary>
    public static string ServedContentType(string? contentType)
    {
        var mediaType = MediaType(contentType);
        mediaType = mediaType is "image/jpg" or "image/pjpeg" ? "image/jpeg" : mediaType;
        return SafeTypes.ContainsKey(mediaType) ? mediaType : "application/octet-stream";
    }

    /// <summary>
    /// A name safe to store, show and offer for download: no folders, no control or invisible characters (a right-to-left
    /// override makes <c>facture‮fdp.exe</c> read as a PDF), none of the characters Windows forbids, no trailing dots or
    /// spaces (which Windows drops, turning <c>virus.exe.</c> into <c>virus.exe</c>), at most 120 characters with the
    /// extension kept; « piece-jointe » when nothing is left.
    /// </summary>
    public static string SafeFileName(string? fileName, string? contentType)
    {
        var builder = new StringBuilder();
        var name = fileName ?? string.Empty;
        name = name[(name.LastIndexOfAny(['/', '\\']) + 1)..];
        foreach (var rune in name.EnumerateRunes())
        {
            var category = Rune.GetUnicodeCategory(rune);
            if (Rune.IsControl(rune) || rune == Rune.ReplacementChar || category is UnicodeCategory.Format or UnicodeCategory.PrivateUse
                or UnicodeCategory.LineSeparator or UnicodeCategory.ParagraphSeparator or UnicodeCategory.Surrogate)
            {
                continue;
            }

            builder.Append(rune.IsAscii && "<>:\"|?*".Contains((char)rune.Value, StringComparison.Ordinal) ? "_"
                : Rune.IsWhiteSpace(rune) ? " " : rune.ToString());
        }

        var safe = string.Join(' ', builder.ToString().Normalize(NormalizationForm.FormC).Split(' ', StringSplitOptions.RemoveEmptyEntries))
            .TrimEnd('.', ' ');
        if (safe.Length == 0 || safe.All(c => c == '.'))
        {
            return DefaultName + (SafeTypes.GetValueOrDefault(MediaType(contentType)) ?? string.Empty);
        }

        return Shortened(safe);
    }

    /// <summary>The media type alone, lower case, without parameters: <c>Application/PDF; name=x.pdf</c> gives application/pdf.</summary>
    internal static string MediaType(string? contentType)
    {
        var value = contentType ?? string.Empty;
        var semicolon = value.IndexOf(';', StringComparison.Ordinal);
        return (semicolon >= 0 ? value[..semicolon] : value).Trim().Trim('"').ToLowerInvariant();
    }

    private static string Shortened(string name)
    {
        if (name.Length <= MaxFileNameLength)
        {
            return name;
        }

        var extension = Path.GetExtension(name);
        extension = extension.Length is > 1 and <= 16 ? extension : string.Empty;
        var stem = name[..(name.Length - extension.Length)];
        var cut = MaxFileNameLength - extension.Length;
        if (char.IsHighSurrogate(stem[cut - 1]))
        {
            cut--;
        }

        return stem[..cut].TrimEnd('.', ' ') + extension;
    }

    /// <summary>Sizes for staff as the French write them, rounded up so that 10 Mo and one byte never reads « 10 Mo ».</summary>
    private static string Mo(long bytes) =>
        (Math.Ceiling(bytes / BytesPerMo * 10) / 10).ToString("0.#", CultureInfo.GetCultureInfo("fr-FR"));

    /// <summary>The types served as declared, with the extension a nameless file of that type is given.</summary>
    private static readonly Dictionary<string, string> SafeTypes = new(StringComparer.Ordinal)
    {
        ["application/pdf"] = ".pdf",
        ["image/png"] = ".png",
        ["image/jpeg"] = ".jpg",
        ["image/gif"] = ".gif",
        ["image/webp"] = ".webp",
        ["text/plain"] = ".txt",
        ["text/csv"] = ".csv",
        ["application/msword"] = ".doc",
        ["application/vnd.ms-excel"] = ".xls",
        ["application/vnd.ms-powerpoint"] = ".ppt",
        ["application/vnd.openxmlformats-officedocument.wordprocessingml.document"] = ".docx",
        ["application/vnd.openxmlformats-officedocument.spreadsheetml.sheet"] = ".xlsx",
        ["application/vnd.openxmlformats-officedocument.presentationml.presentation"] = ".pptx",
        ["application/vnd.oasis.opendocument.text"] = ".odt",
        ["application/vnd.oasis.opendocument.spreadsheet"] = ".ods",
        ["application/vnd.oasis.opendocument.presentation"] = ".odp",
    };
}
