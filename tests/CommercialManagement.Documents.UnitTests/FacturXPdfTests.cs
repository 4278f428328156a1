using System.Text;
using System.Xml.Linq;
using UglyToad.PdfPig;
using UglyToad.PdfPig.Tokens;

namespace CommercialManagement.Documents.UnitTests;

/// <summary>
/// A document rendered with a <see cref="FacturXInvoice"/> is a Factur-X file, read back with PdfPig object by object:
/// what PDF/A-3B and Factur-X ask of the catalog, the metadata, the embedded XML and the trailer. (No PDF/A validator
/// such as veraPDF runs here: these are the structures such a validator looks at first, not its verdict.)
/// </summary>
public sealed class FacturXPdfTests
{
    private static readonly byte[] Xml = Encoding.UTF8.GetBytes(
        """<?xml version="1.0" encoding="UTF-8"?><rsm:CrossIndustryInvoice xmlns:rsm="urn:un:unece:uncefact:data:standard:CrossIndustryInvoice:100"><!-- Élodie « test » --></rsm:CrossIndustryInvoice>""");

    private static readonly XNamespace Fx = "urn:factur-x:pdfa:CrossIndustryDocument:invoice:1p0#";
    private static readonly XNamespace PdfaId = "http://www.aiim.org/pdfa/ns/id/";
    private static readonly XNamespace PdfaSchema = "http://www.aiim.org/pdfa/ns/schema#";
    private static readonly XNamespace PdfaProperty = "http://www.aiim.org/pdfa/ns/property#";
    private static readonly XNamespace Dc = "http://purl.org/dc/elements/1.1/";
    private static readonly XNamespace Xmp = "http://ns.adobe.com/xap/1.0/";
    private static readonly XNamespace PdfNs = "http://ns.adobe.com/pdf/1.3/";

    [Fact]
    public void Render_WithFacturX_HasAnSrgbOutputIntentForPdfA()
    {
        using var pdf = PdfDocument.Open(FacturX());

        var intents = Resolve<ArrayToken>(pdf, Catalog(pdf).Data["OutputIntents"]);
        var intent = Assert.IsType<DictionaryToken>(Assert.Single(intents.Data));
        Assert.Equal("OutputIntent", Name(intent, "Type"));
        Assert.Equal("GTS_PDFA1", Name(intent, "S"));
        Assert.Equal("sRGB IEC61966-2.1", Assert.IsType<StringToken>(intent.Data["OutputConditionIdentifier"]).Data);
        var profile = Resolve<StreamToken>(pdf, intent.Data["DestOutputProfile"]);
        Assert.Equal(3, Assert.IsType<NumericToken>(profile.StreamDictionary.Data["N"]).Int);
        var icc = profile.Decode(pdf.Structure.FilterProvider).ToArray();
        Assert.Equal(3024, icc.Length);
        Assert.Equal("acsp", Encoding.ASCII.GetString(icc, 36, 4));
        Assert.Equal("RGB ", Encoding.ASCII.GetString(icc, 16, 4));
    }

    [Fact]
    public void Render_WithFacturX_NamesPdfA3BAndTheFacturXSchemaInItsXmp()
    {
        using var pdf = PdfDocument.Open(FacturX());

        Assert.True(pdf.TryGetXmpMetadata(out var metadata));
        // Parsed from its bytes as UTF-8 (PdfPig's GetXDocument reads them as Latin-1).
        using var packet = new MemoryStream(metadata.GetXmlBytes().ToArray());
        var xmp = XDocument.Load(packet);
        Assert.Equal("3", Single(xmp, PdfaId + "part"));
        Assert.Equal("B", Single(xmp, PdfaId + "conformance"));
        Assert.Equal("INVOICE", Single(xmp, Fx + "DocumentType"));
        Assert.Equal("factur-x.xml", Single(xmp, Fx + "DocumentFileName"));
        Assert.Equal("1.0", Single(xmp, Fx + "Version"));
        Assert.Equal("EN 16931", Single(xmp, Fx + "ConformanceLevel"));

        // The extension schema declares every fx: property used (PDF/A accepts no undeclared one).
        Assert.Equal(Fx.NamespaceName, Single(xmp, PdfaSchema + "namespaceURI"));
        Assert.Equal("fx", Single(xmp, PdfaSchema + "prefix"));
        Assert.Equal(
            ["ConformanceLevel", "DocumentFileName", "DocumentType", "Version"],
            xmp.Descendants(PdfaProperty + "name").Select(n => n.Value).Order());

        // The Info dictionary's values again, as PDF/A asks.
        Assert.Equal(pdf.Information.Title, Single(xmp, Dc + "title"));
        Assert.Equal(pdf.Information.Author, Single(xmp, Dc + "creator"));
        Assert.Equal(pdf.Information.Subject, Single(xmp, Dc + "description"));
        Assert.Equal(pdf.Information.Producer, Single(xmp, PdfNs + "Producer"));
        Assert.Equal(pdf.Information.Creator, Single(xmp, Xmp + "CreatorTool"));
        Assert.Equal(pdf.Information.GetCreatedDateTimeOffset(), DateTimeOffset.Parse(Single(xmp, Xmp + "CreateDate"), System.Globalization.CultureInfo.InvariantCulture));
        Assert.Equal(pdf.Information.GetModifiedDateTimeOffset(), DateTimeOffset.Parse(Single(xmp, Xmp + "ModifyDate"), System.Globalization.CultureInfo.InvariantCulture));

        // Unfiltered, as PDF/A wants the metadata stream; the packet is padded to the space reserved for it.
        Assert.False(metadata.MetadataStreamToken.StreamDictionary.Data.ContainsKey("Filter"));
        Assert.Equal(FacturXPdf.MetadataLength, metadata.GetXmlBytes().Length);
    }

    [Fact]
    public void Render_WithFacturX_EmbedsTheXmlAsTheDocumentsAlternativeAssociatedFile()
    {
        using var pdf = PdfDocument.Open(FacturX());

        Assert.True(pdf.Advanced.TryGetEmbeddedFiles(out var files));
        var file = Assert.Single(files);
        Assert.Equal("factur-x.xml", file.Name);
        Assert.Equal(Xml, file.Bytes.ToArray());
        Assert.Equal("EmbeddedFile", Name(file.Stream.StreamDictionary, "Type"));
        Assert.Equal("text/xml", Name(file.Stream.StreamDictionary, "Subtype"));
        var parameters = Assert.IsType<DictionaryToken>(file.Stream.StreamDictionary.Data["Params"]);
        Assert.Equal(Xml.Length, Assert.IsType<NumericToken>(parameters.Data["Size"]).Int);
        Assert.StartsWith("D:", Assert.IsType<StringToken>(parameters.Data["ModDate"]).Data, StringComparison.Ordinal);

        var associated = Resolve<ArrayToken>(pdf, Catalog(pdf).Data["AF"]);
        var reference = Assert.IsType<IndirectReferenceToken>(Assert.Single(associated.Data));
        var specification = Resolve<DictionaryToken>(pdf, reference);
        Assert.Equal("Filespec", Name(specification, "Type"));
        Assert.Equal("Alternative", Name(specification, "AFRelationship"));
        Assert.Equal("factur-x.xml", Assert.IsType<StringToken>(specification.Data["F"]).Data);
        Assert.Equal("factur-x.xml", Assert.IsType<StringToken>(specification.Data["UF"]).Data);

        // The name tree's entry is that same file specification.
        var names = Resolve<DictionaryToken>(pdf, Catalog(pdf).Data["Names"]);
        var embedded = Resolve<DictionaryToken>(pdf, names.Data["EmbeddedFiles"]);
        var entries = Resolve<ArrayToken>(pdf, embedded.Data["Names"]).Data;
        Assert.Equal("factur-x.xml", Assert.IsType<StringToken>(entries[0]).Data);
        Assert.Equal(reference.Data, Assert.IsType<IndirectReferenceToken>(entries[1]).Data);
    }

    [Fact]
    public void Render_WithFacturX_HasADocumentIdAndNoEncryption()
    {
        using var pdf = PdfDocument.Open(FacturX());

        Assert.False(pdf.IsEncrypted);
        Assert.Null(pdf.Structure.Trailer.EncryptionToken);
        Assert.Equal(2, pdf.Structure.Trailer.Identifier.Count);
        var bytes = FacturX();
        Assert.Equal("%PDF-1.7\n%", Encoding.ASCII.GetString(bytes, 0, 10));
        Assert.All(bytes.Skip(10).Take(4), b => Assert.True(b > 127, "PDF/A wants a comment of four binary bytes after the header."));
    }

    [Fact]
    public void Render_WithFacturX_DrawsTheSamePagesAsWithout()
    {
        var plain = DocumentPdfTests.Render(DocumentKind.Invoice, DocumentLanguage.French, lineCount: 40);
        var facturX = FacturX();

        Assert.Equal(DocumentPdfTests.Text(plain), DocumentPdfTests.Text(facturX));
        using var pdf = PdfDocument.Open(plain);
        Assert.False(pdf.Advanced.TryGetEmbeddedFiles(out _));
        Assert.False(Catalog(pdf).Data.ContainsKey("AF"));
        Assert.False(Catalog(pdf).Data.ContainsKey("OutputIntents"));
    }

    private static byte[] FacturX() =>
        DocumentPdfTests.Render(DocumentKind.Invoice, DocumentLanguage.French, lineCount: 40, new FacturXInvoice { Xml = Xml });

    private static DictionaryToken Catalog(PdfDocument pdf) => pdf.Structure.Catalog.CatalogDictionary;

    private static T Resolve<T>(PdfDocument pdf, IToken token)
        where T : class, IToken =>
        Assert.IsType<T>(token is IndirectReferenceToken reference ? pdf.Structure.GetObject(reference.Data).Data : token);

    private static string Name(DictionaryToken dictionary, string key) => Assert.IsType<NameToken>(dictionary.Data[key]).Data;

    private static string Single(XDocument xmp, XName name) => Assert.Single(xmp.Descendants(name)).Value.Trim();
}
