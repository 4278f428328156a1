using System.Diagnostics;
using System.Text;
using CommercialManagement.Inbox.Api.Features.MailIn;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>HTML turned into text staff can read, without anything a browser would run or hide.</summary>
public sealed class HtmlTextTests
{
    /// <summary>
    /// These convert in 150-350 ms on an idle two-core machine; the bound leaves room for the test run's own parallelism
    /// and other builds, while a quadratic parse (seconds) or the tree builder's recursion still fails it.
    /// </summary>
    private const int MaxMilliseconds = 1_500;

    [Fact]
    public void ToText_ScriptStyleHeadCommentsAndHandlers_LeaveNothingOfThem()
    {
        var html = """
            <html><head><title>Titre caché</title><style>p { color: red }</style><script>alert('head')</script></head>
            <body onload="alert('body')"><!-- un commentaire --><p onclick="steal()">Bonjour<script>alert(1)</script>
            <img src="x" onerror="alert(2)"> Marie</p><noscript>sans script</noscript><iframe src="https://evil.example">cadre</iframe></body></html>
            """;

        Assert.Equal("Bonjour Marie", HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_Entities_AreDecoded()
    {
        Assert.Equal("Été & hiver <b> 120 € « chalet »", HtmlText.ToText("<p>&Eacute;t&eacute; &amp; hiver &lt;b&gt; 120&nbsp;&#8364; &laquo;&#160;chalet&#xA0;&raquo;</p>"));
    }

    [Fact]
    public void ToText_BlocksBreaksAndParagraphs_MakeLinesWithAtMostTwoBlankLines()
    {
        var html = "<div>un</div><div>deux<br>trois</div><p>paragraphe</p><p>suivant</p>" + string.Concat(Enumerable.Repeat("<br>", 8)) + "fin";

        Assert.Equal("un\ndeux\ntrois\n\nparagraphe\n\nsuivant\n\n\nfin", HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_WhitespaceInText_IsCollapsedButPreKeepsItsOwn()
    {
        var html = "<div>  Bonjour \n\t  Marie  </div><pre>Adultes   4\nEnfants   2</pre>";

        Assert.Equal("Bonjour Marie\nAdultes   4\nEnfants   2", HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_Lists_AreDashedAndNestedListsIndented()
    {
        var html = "<p>Options :</p><ul><li>Ménage</li><li>Draps<ol><li>simple</li><li>double</li></ol></li></ul><p>Merci</p>";

        Assert.Equal("Options :\n\n- Ménage\n- Draps\n  - simple\n  - double\n\nMerci", HtmlText.ToText(html));
    }

    [Theory]
    [InlineData("<a href=\"https://valneve.fr/devis/42\">votre devis</a>", "votre devis (https://valneve.fr/devis/42)")]
    [InlineData("<a href=\"https://valneve.fr/\">valneve.fr</a>", "valneve.fr")]
    [InlineData("<a href=\"https://valneve.fr/devis\">https://valneve.fr/devis</a>", "https://valneve.fr/devis")]
    [InlineData("<a href=\"mailto:marie@wanadoo.fr\">Marie</a>", "Marie (mailto:marie@wanadoo.fr)")]
    [InlineData("<a href=\"mailto:marie@wanadoo.fr\">marie@wanadoo.fr</a>", "marie@wanadoo.fr")]
    [InlineData("<a href=\"javascript:alert(1)\">cliquez ici</a>", "cliquez ici")]
    [InlineData("<a href=\"data:text/html,<script>alert(1)</script>\">image</a>", "image")]
    [InlineData("<a href=\"https://valneve.fr\"><img src=\"logo.png\"></a>", "")]
    public void ToText_Links_ShowTheirWebOrMailHrefWhenTheTextDiffers(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_HiddenElements_AreNotShown()
    {
        var html = "<div style=\"display: none\">aperçu caché</div><div hidden>caché</div><span style=\"mso-hide:all\">x</span><div>visible</div>";

        Assert.Equal("visible", HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_TableCells_AreSpacedAndRowsOnTheirOwnLines()
    {
        var html = "<table><tr><td>Adultes</td><td>4</td></tr><tr><td>Enfants</td><td>2</td></tr></table>";

        Assert.Equal("Adultes 4\nEnfants 2", HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_KeepingQuotes_WritesThemAsQuotedLines()
    {
        var html = "<div>Oui</div><div class=\"moz-cite-prefix\">Le 03/12/2026 à 10:12, Val Nevé a écrit :</div><blockquote type=\"cite\"><p>Bonjour</p><blockquote type=\"cite\">Avant</blockquote></blockquote>";

        Assert.Equal("Oui\nLe 03/12/2026 à 10:12, Val Nevé a écrit :\n\n> Bonjour\n\n> > Avant", HtmlText.ToText(html, dropQuotes: false));
        Assert.Equal("Oui", HtmlText.ToText(html));
    }

    [Fact]
    public void ToText_GmailIndentBlockquote_IsTheCustomersTextNotAQuote()
    {
        var html = "<div>Voici :</div><blockquote style=\"margin:0 0 0 40px;border:none;padding:0px\"><div>mon texte en retrait</div></blockquote>";

        Assert.Equal("Voici :\nmon texte en retrait", HtmlText.ToText(html));
        Assert.Equal("Voici :\nmon texte en retrait", ReplyText.NewText(null, html));
    }

    [Fact]
    public void ToText_DroppingQuotes_RemovesAppleHeaderJustAboveTheBlockquote()
    {
        var html = "<div>Merci</div><div><br></div><div>On Dec 3, 2026, at 10:12, Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; wrote:</div><br><blockquote type=\"cite\"><div>Hello</div></blockquote>";

        Assert.Equal("Merci", HtmlText.ToText(html));
    }

    [Theory]
    [InlineData("", "")]
    [InlineData("   ", "")]
    [InlineData("<", "<")]
    [InlineData("</div></p></html>&", "&")]
    [InlineData("<div><p>Bonjour<b>Marie</div></i><table><td>x</tr>&amp", "BonjourMarie\n\n&\nx")]
    [InlineData("<!--", "")]
    [InlineData("<script>", "")]
    [InlineData("a<b c=\"\0\">\uFFFF", "a")]
    public void ToText_BrokenHtml_GivesWhatABrowserShows(string html, string expected)
    {
        Assert.Equal(expected, HtmlText.ToText(html));
        Assert.Equal(expected, ReplyText.NewText(null, html));
    }

    [Theory]
    [InlineData("div", 10_000)]
    [InlineData("blockquote type=\"cite\"", 10_000)]
    [InlineData("i", 50_000)]
    [InlineData("b", 20_000)]
    public void ToText_DeeplyNested_ConvertsQuicklyWithTheInnermostText(string tag, int depth)
    {
        var name = tag.Split(' ')[0];
        var html = string.Concat(Enumerable.Repeat($"<{tag}>", depth)) + "au fond" + string.Concat(Enumerable.Repeat($"</{name}>", depth));
        var stopwatch = Stopwatch.StartNew();

        var text = HtmlText.ToText(html, dropQuotes: false);

        Assert.EndsWith("au fond", text, StringComparison.Ordinal);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, MaxMilliseconds);
    }

    [Fact]
    public void ToText_FiveMegabytesOfReplyHistory_ConvertsQuicklyKeepingTheNewWords()
    {
        HtmlText.ToText("<p>préchauffage</p>");
        var history = new StringBuilder("<div>Nous confirmons pour 4 adultes.</div><div id=\"appendonsend\"></div>");
        while (history.Length < 5_000_000)
        {
            history.Append("<div class=\"x\"><p style=\"margin:0\">Bonjour <b>Marie</b>, <a href=\"https://valneve.fr/d/42\">votre devis</a> du <i>10</i> au 17.</p></div>\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var text = HtmlText.ToText(history.ToString());

        Assert.Equal("Nous confirmons pour 4 adultes.", text);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, MaxMilliseconds);
    }

    [Fact]
    public void NewText_FiveMegabytesOfGmailQuotes_ConvertsQuicklyKeepingTheNewWords()
    {
        ReplyText.NewText(null, "<p>préchauffage</p>");
        var thread = new StringBuilder("<div dir=\"ltr\">Nous confirmons pour 4 adultes.</div><div class=\"gmail_quote\"><div class=\"gmail_attr\">Le jeu. 3 déc. 2026 à 10:12, Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; a écrit :</div>");
        while (thread.Length < 5_000_000)
        {
            thread.Append("<blockquote class=\"gmail_quote\" style=\"border-left:1px solid rgb(204,204,204)\"><div>Bonjour <b>Marie</b>, <a href=\"https://valneve.fr/d/42\">votre devis</a> du <i>10</i> au 17.</div><div><br></div>\n");
        }

        var stopwatch = Stopwatch.StartNew();
        var text = ReplyText.NewText(null, thread.ToString());

        Assert.Equal("Nous confirmons pour 4 adultes.", text);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, MaxMilliseconds);
    }

    [Fact]
    public void NewText_FiveMegabyteInlineImageAboveTheText_KeepsTheText()
    {
        var html = "<div><img src=\"data:image/png;base64," + new string('A', 5_000_000) + "\"></div><div>Voici la photo du parking.</div>";
        var stopwatch = Stopwatch.StartNew();

        var text = ReplyText.NewText(null, html);

        Assert.Equal("Voici la photo du parking.", text);
        Assert.InRange(stopwatch.ElapsedMilliseconds, 0, MaxMilliseconds);
    }
}
