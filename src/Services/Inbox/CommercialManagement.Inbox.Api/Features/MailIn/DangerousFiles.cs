using System.Text;

namespace CommercialManagement.Inbox.Api.Features.MailIn;

/// <summary>
/// The files an inbound email may not leave in the back office, by extension and by declared type, with the French
/// reason staff read. The extension is what Windows and browsers act on; the declared type catches a program sent
/// without one or under an innocent name.
/// </summary>
internal static class DangerousFiles
{
    private static readonly Dictionary<string, string> ByExtension = Build(
        ("Fichier exécutable refusé", [
            ".exe", ".com", ".scr", ".pif", ".cpl", ".msi", ".msp", ".mst", ".dll", ".sys", ".drv", ".ocx", ".jar", ".apk",
            ".xap", ".appx", ".appxbundle", ".msix", ".msixbundle", ".application", ".gadget", ".hta", ".chm", ".app",
            ".dmg", ".pkg", ".deb", ".rpm", ".run", ".elf", ".xll",
        ]),
        ("Script refusé", [
            ".bat", ".cmd", ".js", ".jse", ".mjs", ".vbs", ".vbe", ".vb", ".wsf", ".wsc", ".wsh", ".ws", ".sct", ".ps1", ".ps1xml",
            ".ps2", ".psc1", ".psd1", ".psm1", ".sh", ".bash", ".zsh", ".csh", ".ksh", ".py", ".pyw", ".pl", ".rb", ".php",
            ".reg", ".inf", ".msc", ".scf", ".settingcontent-ms", ".library-ms",
        ]),
        ("Raccourci refusé", [".lnk", ".url", ".website", ".desktop"]),
        ("Image disque refusée", [".iso", ".img", ".vhd", ".vhdx"]),
        ("Page web refusée", [".html", ".htm", ".xhtml", ".xht", ".shtml", ".mht", ".mhtml", ".svg", ".svgz"]),
        ("Document à macros refusé", [".docm", ".dotm", ".xlsm", ".xltm", ".xlam", ".pptm", ".potm", ".ppam", ".ppsm", ".sldm"]));

    private static readonly HashSet<string> ByType = new(StringComparer.Ordinal)
    {
        "application/x-msdownload", "application/x-msdos-program", "application/x-ms-dos-executable", "application/x-dosexec",
        "application/x-executable", "application/x-elf", "application/vnd.microsoft.portable-executable", "application/x-msi",
        "application/x-ms-installer", "application/x-ms-application", "application/x-ms-shortcut", "application/hta",
        "application/x-bat", "application/bat", "application/x-sh", "application/x-shellscript", "application/x-csh",
        "text/x-sh", "text/x-shellscript", "application/javascript", "application/x-javascript", "text/javascript",
        "application/ecmascript", "text/ecmascript", "text/vbscript", "application/x-vbscript", "application/x-powershell",
        "text/x-python", "application/x-python-code", "application/x-perl", "application/x-php", "text/x-php",
        "application/java-archive", "application/x-java-archive", "application/vnd.android.package-archive",
        "application/x-iso9660-image", "application/x-apple-diskimage", "application/x-raw-disk-image",
        "text/html", "application/xhtml+xml", "image/svg+xml",
        "application/vnd.ms-word.document.macroenabled.12", "application/vnd.ms-excel.sheet.macroenabled.12",
        "application/vnd.ms-excel.addin.macroenabled.12", "application/vnd.ms-powerpoint.presentation.macroenabled.12",
    };

    /// <summary>The French reason to refuse a file with this (already made safe) name and media type, or null when it may be kept.</summary>
    public static string? Refusal(string safeName, string mediaType)
    {
        // The compatibility form too: a full-width ．ｅｘｅ is not an extension to Windows today, but costs nothing to refuse.
        foreach (var name in (string[])[safeName, safeName.Normalize(NormalizationForm.FormKC)])
        {
            var extension = Path.GetExtension(name).ToLowerInvariant();
            if (ByExtension.TryGetValue(extension, out var reason))
            {
                return $"{reason} ({extension}).";
            }
        }

        return ByType.Contains(mediaType) ? $"Type de fichier refusé ({mediaType})." : null;
    }

    private static Dictionary<string, string> Build(params (string Reason, string[] Extensions)[] groups) =>
        groups.SelectMany(g => g.Extensions.Select(e => (Extension: e, g.Reason)))
            .ToDictionary(x => x.Extension, x => x.Reason, StringComparer.Ordinal);
}
