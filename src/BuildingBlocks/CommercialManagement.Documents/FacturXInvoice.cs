namespace CommercialManagement.Documents;

/// <summary>
/// The structured invoice a Factur-X PDF carries beside its pages: the UN/CEFACT CII XML a service built from the same
/// content as the pages. Given to <see cref="DocumentPdf.Render"/>, it makes the PDF a PDF/A-3B file with the XML embedded
/// as <c>factur-x.xml</c>, the associated file of the document (<see cref="FacturXPdf"/>).
/// </summary>
public sealed record FacturXInvoice
{
    /// <summary>The name Factur-X gives the embedded XML: a reader looks for it by that name.</summary>
    public const string FileName = "factur-x.xml";

    /// <summary>The CII XML, UTF-8, as it is embedded (byte for byte).</summary>
    public required ReadOnlyMemory<byte> Xml { get; init; }

    /// <summary>The Factur-X profile the XML follows, as the XMP's <c>fx:ConformanceLevel</c> names it.</summary>
    public string ConformanceLevel { get; init; } = "EN 16931";
}
