using System.Collections.Concurrent;
using System.Reflection;
using PdfSharp.Fonts;

namespace CommercialManagement.Quote.Api.Documents;

/// <summary>
/// Liberation Sans, embedded in this assembly, so that a machine with no font package renders the same document.
/// </summary>
internal sealed class QuoteDocumentFonts : IFontResolver
{
    public const string Family = "Liberation Sans";

    private const string Regular = "LiberationSans-Regular";
    private const string Bold = "LiberationSans-Bold";
    private const string Italic = "LiberationSans-Italic";

    private static readonly QuoteDocumentFonts Instance = new();
    private static readonly Lock RegistrationLock = new();
    private static bool registered;

    private readonly ConcurrentDictionary<string, byte[]> faces = new();

    private QuoteDocumentFonts()
    {
    }

    /// <summary>PDFsharp accepts one resolver per process, set before the first font is used.</summary>
    public static void EnsureRegistered()
    {
        if (Volatile.Read(ref registered))
        {
            return;
        }

        lock (RegistrationLock)
        {
            if (!registered)
            {
                if (GlobalFontSettings.FontResolver is not QuoteDocumentFonts)
                {
                    GlobalFontSettings.FontResolver = Instance;
                }

                Volatile.Write(ref registered, true);
            }
        }
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
        var resource = $"QuoteDocumentFonts.{faceName}.ttf";
        using var stream = Assembly.GetExecutingAssembly().GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The font resource {resource} is missing from the assembly.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }
}
