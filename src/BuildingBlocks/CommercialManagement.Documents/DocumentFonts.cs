using System.Collections.Concurrent;
using PdfSharp.Fonts;

namespace CommercialManagement.Documents;

/// <summary>
/// Liberation Sans, embedded in this assembly, so that a machine with no font package renders the same document.
/// PDFsharp's font resolver is process-wide (<see cref="GlobalFontSettings"/>) and may be set once only: the kit owns
/// that registration, so that every service (or test host) rendering documents in one process shares the same one.
/// </summary>
public static class DocumentFonts
{
    /// <summary>The family every font of the kit is asked in.</summary>
    public const string Family = "Liberation Sans";

    private static readonly Lock RegistrationLock = new();
    private static bool registered;

    /// <summary>
    /// Registers the kit's font resolver with PDFsharp, once per process; later calls, from any thread, do nothing.
    /// <see cref="DocumentStyle.Font"/> calls it, so a document never has to.
    /// </summary>
    /// <exception cref="InvalidOperationException">Another font resolver was registered before the kit's.</exception>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref registered))
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (registered)
            {
                return;
            }

            switch (GlobalFontSettings.FontResolver)
            {
                case null:
                    GlobalFontSettings.FontResolver = EmbeddedFontResolver.Instance;
                    break;
                case EmbeddedFontResolver:
                    break;
                case var other:
                    // PDFsharp refuses a second resolver once fonts are in use; replacing someone else's would also change
                    // their documents. Say so rather than render with the wrong fonts.
                    throw new InvalidOperationException(
                        $"PDFsharp already has the font resolver {other.GetType().FullName}; the document kit must register its own before any other.");
            }

            Volatile.Write(ref registered, true);
        }
    }
}

/// <summary>Answers every family with the embedded Liberation Sans faces; bold italic is simulated from the bold face.</summary>
internal sealed class EmbeddedFontResolver : IFontResolver
{
    public static readonly EmbeddedFontResolver Instance = new();

    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";
    private const string Italic = "LiberationSans-Italic";

    private readonly ConcurrentDictionary<string, byte[]> faces = new();

    private EmbeddedFontResolver()
    {
    }

    public FontResolverInfo ResolveTypeface(string familyName, bool bold, bool italic) => (bold, italic) switch
    {
        (true, true) => new FontResolverInfo(Bold, mustSimulateBold: false, mustSimulateItalic: true),
        (true, false) => new FontResolverInfo(Bold),
        (false, true) => new FontResolverInfo(Italic),
        _ => new FontResolverInfo(Regular),
    };

    public byte[] GetFont(string faceName) => faces.GetOrAdd(faceName, Load);

    private static byte[] Load(string faceName)
    {
        var resource = $"CommercialManagement.Documents.Fonts.{faceName}.ttf";
        using var stream = typeof(EmbeddedFontResolver).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource {resource} is missing from the assembly.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
