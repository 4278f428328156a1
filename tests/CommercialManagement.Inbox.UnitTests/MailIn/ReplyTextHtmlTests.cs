using CommercialManagement.Inbox.Api.Features.MailIn;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>HTML-only replies as each client family writes them, and what staff must read of them.</summary>
public sealed class ReplyTextHtmlTests
{
    private const string GmailQuote = """
        <div class="gmail_quote gmail_quote_container"><div dir="ltr" class="gmail_attr">Le&nbsp;jeu. 3 déc. 2026 à 10:12, Val Nevé &lt;<a href="mailto:reponses+k7Qm2x@mail.valneve.fr">reponses+k7Qm2x@mail.valneve.fr</a>&gt; a écrit&nbsp;:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>Bonjour Marie,<br><br>Merci pour votre demande au Chalet des Cimes.</div></blockquote></div>
        """;

    [Fact]
    public void NewText_GmailWebWithSignature_KeepsOnlyTheReply()
    {
        var html = """
            <div dir="ltr"><div>Bonjour,</div><div><br></div><div>Nous serons finalement 5&nbsp;adultes.</div><div><br></div><div>Merci,</div><div>Marie</div><div><br></div><span class="gmail_signature_prefix">-- </span><br><div dir="ltr" class="gmail_signature" data-smartmail="gmail_signature">Marie Dupont<br>06 12 34 56 78</div></div><br>
            """ + GmailQuote;

        Assert.Equal("Bonjour,\n\nNous serons finalement 5 adultes.\n\nMerci,\nMarie", ReplyText.NewText(null, html));
        Assert.Equal("Bonjour,\n\nNous serons finalement 5 adultes.\n\nMerci,\nMarie", HtmlText.ToText(html));
    }

    [Fact]
    public void NewText_GmailInlineAnswersInsideTheQuote_KeepsTheAnswers()
    {
        var html = """
            <div dir="ltr">Voir mes réponses ci-dessous.</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">On Thu, Dec 3, 2026 at 10:12 AM Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; wrote:<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>How many of you will come?</div></blockquote><div>Four of us.</div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div>Which dates?</div></blockquote><div>10 to 17 January.</div></div>
            """;

        Assert.Equal("Voir mes réponses ci-dessous.\n\nFour of us.\n10 to 17 January.", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_OutlookDesktopFrench_CutsAtTheBorderedHeaderBlock()
    {
        var html = """
            <html xmlns:o="urn:schemas-microsoft-com:office:office"><head><meta http-equiv="Content-Type" content="text/html; charset=utf-8"><style><!-- p.MsoNormal {margin:0cm;font-size:11.0pt;} --></style></head>
            <body lang="FR"><div class="WordSection1"><p class="MsoNormal">Bonjour,<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Je vous confirme notre accord.<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Marie Dupont<o:p></o:p></p><p class="MsoNormal"><o:p>&nbsp;</o:p></p>
            <div><div style="border:none;border-top:solid #E1E1E1 1.0pt;padding:3.0pt 0cm 0cm 0cm"><p class="MsoNormal"><b>De&nbsp;:</b> Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; <br><b>Envoyé&nbsp;:</b> jeudi 3 décembre 2026 10:12<br><b>À&nbsp;:</b> marie.dupont@wanadoo.fr<br><b>Objet&nbsp;:</b> Votre devis<o:p></o:p></p></div></div><p class="MsoNormal"><o:p>&nbsp;</o:p></p><p class="MsoNormal">Bonjour Marie, voici votre devis.<o:p></o:p></p></div></body></html>
            """;

        Assert.Equal("Bonjour,\n\nJe vous confirme notre accord.\n\nMarie Dupont", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_OutlookWebEnglish_CutsAtAppendOnSend()
    {
        var html = """
            <html><head><style type="text/css" style="display:none;"> P {margin-top:0;margin-bottom:0;} </style></head><body dir="ltr"><div class="elementToProof" style="font-family: Aptos, sans-serif; font-size: 12pt;">Perfect, see you in January.</div><div id="appendonsend"></div><hr style="display:inline-block;width:98%" tabindex="-1"><div id="divRplyFwdMsg" dir="ltr"><font face="Calibri, sans-serif" style="font-size:11pt" color="#000000"><b>From:</b> Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt;<br><b>Sent:</b> Thursday, December 3, 2026 10:12 AM<br><b>To:</b> mary@outlook.com &lt;mary@outlook.com&gt;<br><b>Subject:</b> Your quote</font><div>&nbsp;</div></div><div><p>Hello Mary, here is your quote.</p></div></body></html>
            """;

        Assert.Equal("Perfect, see you in January.", ReplyText.NewText(null, html));
        Assert.Equal("Perfect, see you in January.", HtmlText.ToText(html));
    }

    [Fact]
    public void NewText_AppleMailMac_DropsTheCiteBlockquoteAndItsHeader()
    {
        var html = """
            <html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body style="overflow-wrap: break-word;">Bonjour,<div>Pouvez-vous ajouter le forfait ski&nbsp;?</div><div>Marie<br id="lineBreakAtBeginningOfMessage"><div><br><blockquote type="cite"><div>Le 3 déc. 2026 à 10:12, Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; a écrit :</div><br class="Apple-interchange-newline"><div><div>Bonjour Marie,</div></div></blockquote></div><br></div></body></html>
            """;

        Assert.Equal("Bonjour,\nPouvez-vous ajouter le forfait ski ?\nMarie", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_IPhone_DropsSentFromAndTheQuote()
    {
        var html = """
            <html><head><meta http-equiv="content-type" content="text/html; charset=utf-8"></head><body dir="auto"><div dir="ltr">Oui parfait, merci&nbsp;!</div><div dir="ltr"><br></div><div dir="ltr">Envoyé de mon iPhone</div><div dir="ltr"><br><blockquote type="cite">Le 3 déc. 2026 à 10:12, Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; a écrit&nbsp;:<br><br></blockquote></div><blockquote type="cite"><div dir="ltr">﻿<div>Bonjour Marie,</div></div></blockquote></body></html>
            """;

        Assert.Equal("Oui parfait, merci !", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_ThunderbirdTopPosting_DropsCitePrefixQuoteAndSignature()
    {
        var html = """
            <!DOCTYPE html><html><head><meta http-equiv="Content-Type" content="text/html; charset=UTF-8"></head><body><p>Bonjour,</p><p>Nous arriverons vers 18&nbsp;h.</p><div class="moz-signature">-- <br>Marie Dupont<br>Tél. 06 12 34 56 78</div><div class="moz-cite-prefix">Le 03/12/2026 à 10:12, Val Nevé a écrit&nbsp;:<br></div><blockquote type="cite" cite="mid:abc@mail.valneve.fr"><p>Bonjour Marie,</p></blockquote></body></html>
            """;

        Assert.Equal("Bonjour,\n\nNous arriverons vers 18 h.", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_ThunderbirdBottomPosting_KeepsTheTextUnderTheQuote()
    {
        var html = """
            <html><body><div class="moz-cite-prefix">On 12/3/26 10:12 AM, Val Nevé wrote:<br></div><blockquote type="cite"><p>How many of you will come?</p></blockquote><p>We will be four.</p><pre class="moz-signature" cols="72">-- 
            Mary Smith</pre></body></html>
            """;

        Assert.Equal("We will be four.", ReplyText.NewText(null, html));
        Assert.Equal("We will be four.", HtmlText.ToText(html));
    }

    [Fact]
    public void NewText_YahooWithAndroidSignature_CutsAtYahooQuoted()
    {
        var html = """
            <html><head></head><body><div class="ydp1 yahoo-style-wrap"><div dir="ltr">Merci, à bientôt.</div></div><div id="ymail_android_signature"><a href="https://go.onelink.me/107872968?pid=InProduct">Envoyé de Yahoo Mail pour Android</a></div><div class="yahoo_quoted" id="yahoo_quoted_123"><div style="font-family:Helvetica"><div>Le jeudi 3 décembre 2026 à 10:12:05 UTC+1, Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; a écrit :</div><div><br></div><div><div id="yiv123"><div>Bonjour Marie,</div></div></div></div></div></body></html>
            """;

        Assert.Equal("Merci, à bientôt.", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_ZimbraFreeSfr_CutsAtTheZwchrRule()
    {
        var html = """
            <html><body><div style="font-family: arial, helvetica, sans-serif; font-size: 12pt;"><div>Parfait, merci.</div><div><br></div><hr id="zwchr" data-marker="__DIVIDER__"><div data-marker="__HEADERS__"><b>De: </b>"Val Nevé" &lt;reponses+k7Qm2x@mail.valneve.fr&gt;<br><b>À: </b>"Marie Dupont" &lt;marie.dupont@free.fr&gt;<br><b>Envoyé: </b>Jeudi 3 Décembre 2026 10:12:05<br><b>Objet: </b>Votre devis<br></div><br><div data-marker="__QUOTED_TEXT__"><div>Bonjour Marie,</div></div></div></body></html>
            """;

        Assert.Equal("Parfait, merci.", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_SamsungEmailHtml_CutsAtTheDeviceLine()
    {
        var html = """
            <html><body><div dir="auto">Ok pour moi</div><div dir="auto"><br></div><div dir="auto"><br></div><div id="composer_signature" dir="auto"><div style="font-size:85%;color:#575757" dir="auto">Envoyé depuis mon appareil Galaxy</div></div><div dir="auto"><br></div><div><br></div><div align="left" dir="auto" style="font-size:100%;color:#000000"><div>-------- Message d'origine --------</div><div>De : Val Nevé &lt;reponses+k7Qm2x@mail.valneve.fr&gt; </div><div>Date : 03/12/2026  10:12  (GMT+01:00) </div><div>À : marie.dupont@gmail.com </div><div>Objet : Votre devis </div><div><br></div></div>Bonjour Marie,</body></html>
            """;

        Assert.Equal("Ok pour moi", ReplyText.NewText(null, html));
    }

    [Fact]
    public void NewText_HtmlWithNothingButTheQuote_KeepsEverythingRatherThanNothing()
    {
        var text = ReplyText.NewText(null, "<div>" + GmailQuote + "</div>");

        Assert.Contains("Merci pour votre demande au Chalet des Cimes.", text, StringComparison.Ordinal);
    }
}
