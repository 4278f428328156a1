using PdfSharp.Fonts;

namespace CommercialManagement.Documents.UnitTests;

public sealed class DocumentFontsTests
{
    [Fact]
    public async Task EnsureRegistered_FromManyThreadsAndTwice_LeavesTheKitsOneResolver()
    {
        await Task.WhenAll(Enumerable.Range(0, 16).Select(_ => Task.Run(DocumentFonts.EnsureRegistered)));
        DocumentFonts.EnsureRegistered();

        Assert.Same(EmbeddedFontResolver.Instance, GlobalFontSettings.FontResolver);
    }

    [Theory]
    [InlineData(false, false, "LiberationSans-Regular")]
    [InlineData(true, false, "LiberationSans-Bold")]
    [InlineData(false, true, "LiberationSans-Italic")]
    [InlineData(true, true, "LiberationSans-Bold")]
    public void GetFont_EveryFace_IsEmbeddedInTheKit(bool bold, bool italic, string face)
    {
        var info = EmbeddedFontResolver.Instance.ResolveTypeface("any family", bold, italic);

        Assert.Equal(face, info.FaceName);
        Assert.NotEmpty(EmbeddedFontResolver.Instance.GetFont(info.FaceName));
    }
}
