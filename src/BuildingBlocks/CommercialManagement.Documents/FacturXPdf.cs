using System.Globalization;
using System.Security;
using System.Text;
using PdfSharp.Pdf;

namespace CommercialManagement.Documents;

/// <summary>
/// Makes a rendered document a Factur-X invoice: a PDF/A-3B file (fonts embedded, as the kit always does; an sRGB
/// OutputIntent; XMP metadata naming PDF/A-3B and the Factur-X extension schema; the trailer's document ID, which PDFsharp
/// writes; no encryption) with the CII XML embedded as <c>factur-x.xml</c>, the document's associated file (/AF) with
/// /AFRelationship /Alternative. PDFsharp 6.2 has no PDF/A-3 support (its <c>SetPdfA</c> makes PDF/A-1A), so the objects
/// are written by hand with its low-level dictionaries.
/// </summary>
/// <remarks>
/// PDFsharp writes its own XMP packet when it saves and points the catalog's /Metadata to it. The kit's packet is
/// therefore written in two steps: before saving, a metadata stream of fixed length (<see cref="MetadataLength"/>) holding
/// a unique placeholder; after saving, once the Info dictionary's values are final, the XMP (mirroring them, as PDF/A
/// requires) is written over the placeholder and padded with whitespace (XMP's own padding), and the catalog's
/// reference is turned to it, both in place, at the same byte length, so the cross-reference table stays right.
/// PDFsharp's own packet stays in the file, referenced by nothing. (The catalog points to the kit's stream before the
/// save too: PDFsharp drops the objects nothing references.)
/// </remarks>
internal static class FacturXPdf
{
    /// <summary>The bytes reserved for the XMP packet (about 4 KB used).</summary>
    internal const int MetadataLength = 8192;

    private const string FacturXNamespace = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";

    /// <summary>Adds the OutputIntent, the embedded XML and the metadata placeholder, before the document is saved.</summary>
    public static Pending Prepare(PdfDocument document, FacturXInvoice invoice)
    {
        var now = DateTime.UtcNow;
        now = new DateTime(now.Ticks - (now.Ticks % TimeSpan.TicksPerSecond), DateTimeKind.Utc);
        document.Info.CreationDate = now;
        document.Info.ModificationDate = now;
        var catalog = document.Internals.Catalog;

        var profile = Indirect(document, new PdfDictionary(document));
        profile.Elements.SetInteger("/N", 3);
        profile.CreateStream(SrgbProfile());
        var intent = new PdfDictionary(document);
        intent.Elements.SetName("/Type", "/OutputIntent");
        intent.Elements.SetName("/S", "/GTS_PDFA1");
        intent.Elements.SetString("/OutputConditionIdentifier", "sRGB IEC61966-2.1");
        intent.Elements.SetString("/RegistryName", "http://www.color.org");
        intent.Elements.SetString("/Info", "sRGB IEC61966-2.1 (sRGB2014.icc)");
        intent.Elements.SetReference("/DestOutputProfile", profile);
        catalog.Elements["/OutputIntents"] = new PdfArray(document, intent);

        var xml = invoice.Xml.ToArray();
        var file = Indirect(document, new PdfDictionary(document));
        file.Elements.SetName("/Type", "/EmbeddedFile");
        file.Elements.SetName("/Subtype", "/text/xml");
        var parameters = new PdfDictionary(document);
        parameters.Elements.SetInteger("/Size", xml.Length);
        parameters.Elements.SetDateTime("/ModDate", now);
        file.Elements["/Params"] = parameters;
        file.CreateStream(xml);

        var specification = Indirect(document, new PdfDictionary(document));
        specification.Elements.SetName("/Type", "/Filespec");
        specification.Elements.SetString("/F", FacturXInvoice.FileName);
        specification.Elements.SetString("/UF", FacturXInvoice.FileName);
        specification.Elements.SetString("/Desc", $"Factur-X invoice ({invoice.ConformanceLevel})");
        specification.Elements.SetName("/AFRelationship", "/Alternative");
        var streams = new PdfDictionary(document);
        streams.Elements.SetReference("/F", file);
        streams.Elements.SetReference("/UF", file);
        specification.Elements["/EF"] = streams;

        var embedded = new PdfDictionary(document);
        embedded.Elements["/Names"] = new PdfArray(document, new PdfString(FacturXInvoice.FileName), specification.ReferenceNotNull);
        var names = new PdfDictionary(document);
        names.Elements["/EmbeddedFiles"] = embedded;
        catalog.Elements["/Names"] = names;
        catalog.Elements["/AF"] = new PdfArray(document, specification.ReferenceNotNull);

        var placeholder = $"facturx-xmp-placeholder-{Guid.NewGuid():N}";
        var metadata = Indirect(document, new PdfDictionary(document));
        metadata.Elements.SetName("/Type", "/Metadata");
        metadata.Elements.SetName("/Subtype", "/XML");
        metadata.CreateStream(Encoding.ASCII.GetBytes(placeholder.PadRight(MetadataLength)));

        // PDFsharp drops the objects nothing references when it saves, before it writes its own packet over this reference.
        catalog.Elements.SetReference("/Metadata", metadata);
        return new Pending(invoice, metadata, placeholder, now);
    }

    /// <summary>Writes the XMP over the placeholder and points the catalog to it, in the saved bytes.</summary>
    /// <exception cref="InvalidOperationException">The saved file is not laid out as PDFsharp 6.2 writes it.</exception>
    public static byte[] Finish(byte[] pdf, PdfDocument document, Pending pending)
    {
        var xmp = Encoding.UTF8.GetBytes(Xmp(document.Info, pending));
        var at = SingleIndexOf(pdf, Encoding.ASCII.GetBytes(pending.Placeholder), "the XMP placeholder");
        xmp.CopyTo(pdf, at);

        var catalog = document.Internals.Catalog;
        var generated = catalog.Elements.GetReference("/Metadata")
            ?? throw new InvalidOperationException("PDFsharp wrote no /Metadata in the catalog.");
        var ours = pending.Metadata.ReferenceNotNull.ObjectNumber;
        var catalogStart = SingleIndexOf(pdf, Encoding.ASCII.GetBytes($"\n{catalog.ReferenceNotNull.ObjectNumber} 0 obj"), "the catalog");
        var catalogEnd = IndexOf(pdf, "endobj"u8.ToArray(), catalogStart);
        var from = Encoding.ASCII.GetBytes($"/Metadata {generated.ObjectNumber} 0 R");
        var to = $"/Metadata {ours} 0 R";
        var reference = IndexOf(pdf, from, catalogStart);
        if (reference < 0 || reference > catalogEnd || to.Length > from.Length)
        {
            throw new InvalidOperationException("The catalog's /Metadata reference cannot be turned to the Factur-X XMP in place.");
        }

        // "/Metadata 12 0 R" → "/Metadata 9 0 R ": whitespace between tokens, same length, the xref table unchanged.
        Encoding.ASCII.GetBytes(to.PadRight(from.Length)).CopyTo(pdf, reference);
        return pdf;
    }

    /// <summary>
    /// The XMP packet: the Info dictionary's values again (PDF/A wants them equal), PDF/A-3B's identification, the
    /// Factur-X properties and the extension schema that declares them (PDF/A accepts no undeclared property).
    /// </summary>
    internal static string Xmp(PdfDocumentInformation info, Pending pending)
    {
        static string X(string? value) => SecurityElement.Escape(value ?? "");
        var date = pending.Date.ToString("yyyy-MM-dd'T'HH:mm:ss'+00:00'", CultureInfo.InvariantCulture);
        var body = $"""
            <?xpacket begin="{'\uFEFF'}" id="W5M0MpCehiHzreSzNTczkc9d"?>
            <x:xmpmeta xmlns:x="adobe:ns:meta/">
             <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
              <rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
               <pdfaid:part>3</pdfaid:part>
               <pdfaid:conformance>B</pdfaid:conformance>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
               <dc:format>application/pdf</dc:format>
               <dc:title><rdf:Alt><rdf:li xml:lang="x-default">{X(info.Title)}</rdf:li></rdf:Alt></dc:title>
               <dc:creator><rdf:Seq><rdf:li>{X(info.Author)}</rdf:li></rdf:Seq></dc:creator>
               <dc:description><rdf:Alt><rdf:li xml:lang="x-default">{X(info.Subject)}</rdf:li></rdf:Alt></dc:description>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">
               <pdf:Producer>{X(info.Producer)}</pdf:Producer>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:xmp="http://ns.adobe.com/xap/1.0/">
               <xmp:CreatorTool>{X(info.Creator)}</xmp:CreatorTool>
               <xmp:CreateDate>{date}</xmp:CreateDate>
               <xmp:ModifyDate>{date}</xmp:ModifyDate>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/" xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#" xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
               <pdfaExtension:schemas>
                <rdf:Bag>
                 <rdf:li rdf:parseType="Resource">
                  <pdfaSchema:schema>Factur-X PDFA Extension Schema</pdfaSchema:schema>
                  <pdfaSchema:namespaceURI>{FacturXNamespace}</pdfaSchema:namespaceURI>
                  <pdfaSchema:prefix>fx</pdfaSchema:prefix>
                  <pdfaSchema:property>
                   <rdf:Seq>
            {Property("DocumentFileName", "The name of the embedded XML document")}
            {Property("DocumentType", "The type of the hybrid document in capital letters, e.g. INVOICE or ORDER")}
            {Property("Version", "The actual version of the standard applying to the embedded XML document")}
            {Property("ConformanceLevel", "The conformance level of the embedded XML document")}
                   </rdf:Seq>
                  </pdfaSchema:property>
                 </rdf:li>
                </rdf:Bag>
               </pdfaExtension:schemas>
              </rdf:Description>
              <rdf:Description rdf:about="" xmlns:fx="{FacturXNamespace}">
               <fx:DocumentType>INVOICE</fx:DocumentType>
               <fx:DocumentFileName>{FacturXInvoice.FileName}</fx:DocumentFileName>
               <fx:Version>1.0</fx:Version>
               <fx:ConformanceLevel>{X(pending.Invoice.ConformanceLevel)}</fx:ConformanceLevel>
              </rdf:Description>
             </rdf:RDF>
            </x:xmpmeta>

            """;
        const string end = "<?xpacket end=\"w\"?>";
        var padding = MetadataLength - Encoding.UTF8.GetByteCount(body) - end.Length;
        if (padding < 1)
        {
            throw new InvalidOperationException($"The XMP packet needs more than the {MetadataLength} bytes reserved for it.");
        }

        // XMP's padding: whitespace before the end, lines of 100 spaces at most.
        var spaces = new StringBuilder(padding);
        for (var left = padding; left > 0; left -= 101)
        {
            spaces.Append(' ', Math.Min(left, 101) - 1).Append('\n');
        }

        return body + spaces + end;
    }

    private static string Property(string name, string description) => $"""
                    <rdf:li rdf:parseType="Resource">
                     <pdfaProperty:name>{name}</pdfaProperty:name>
                     <pdfaProperty:valueType>Text</pdfaProperty:valueType>
                     <pdfaProperty:category>external</pdfaProperty:category>
                     <pdfaProperty:description>{description}</pdfaProperty:description>
                    </rdf:li>
        """;

    private static PdfDictionary Indirect(PdfDocument document, PdfDictionary dictionary)
    {
        document.Internals.AddObject(dictionary);
        return dictionary;
    }

    private static byte[] SrgbProfile()
    {
        const string resource = "CommercialManagement.Documents.Color.sRGB2014.icc";
        using var stream = typeof(FacturXPdf).Assembly.GetManifestResourceStream(resource)
            ?? throw new InvalidOperationException($"The colour profile {resource} is missing from the assembly.");
        using var copy = new MemoryStream((int)stream.Length);
        stream.CopyTo(copy);
        return copy.ToArray();
    }

    private static int SingleIndexOf(byte[] haystack, byte[] needle, string what)
    {
        var first = IndexOf(haystack, needle, 0);
        if (first < 0 || IndexOf(haystack, needle, first + 1) >= 0)
        {
            throw new InvalidOperationException($"The saved PDF does not hold {what} exactly once.");
        }

        return first;
    }

    private static int IndexOf(byte[] haystack, byte[] needle, int from)
    {
        var found = haystack.AsSpan(from).IndexOf(needle);
        return found < 0 ? -1 : from + found;
    }

    /// <summary>What <see cref="Prepare"/> left for <see cref="Finish"/>.</summary>
    internal sealed record Pending(FacturXInvoice Invoice, PdfDictionary Metadata, string Placeholder, DateTime Date);
}
