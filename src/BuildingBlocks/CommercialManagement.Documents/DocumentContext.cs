namespace CommercialManagement.Documents;

/// <summary>What every section draws with: the words, the formats and the style of one document in one language.</summary>
public sealed class DocumentContext
{
    private DocumentContext(DocumentLanguage language)
    {
        Language = language;
        Text = DocumentText.For(language);
        Format = new DocumentFormat(language);
        Style = new DocumentStyle();
    }

    /// <summary>The document's language.</summary>
    public DocumentLanguage Language { get; }

    /// <summary>The kit's words in that language.</summary>
    public DocumentText Text { get; }

    /// <summary>Amounts, rates and dates in that language.</summary>
    public DocumentFormat Format { get; }

    /// <summary>The fonts, colours and page geometry; this document's own instance.</summary>
    public DocumentStyle Style { get; }

    /// <summary>A fresh context for one rendering (the kit's fonts registered on the way).</summary>
    public static DocumentContext For(DocumentLanguage language) => new(language);
}
