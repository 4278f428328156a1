using CommercialManagement.Inbox.Api.Features.MailIn;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>Plain-text replies as each client family writes them (fr and en), and what staff must read of them.</summary>
public sealed class ReplyTextTests
{
    private const string Nbsp = "\u00A0";

    private static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    [Fact]
    public void Strip_GmailFrenchHeaderWrappedOnTwoLines_KeepsOnlyTheReply()
    {
        var mail = Crlf($"""
            Bonjour,

            Nous serons finalement 5 adultes. Est-ce possible ?

            Merci,
            Marie

            Le jeu. 3 déc. 2026 à 10:12, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> a
            écrit{Nbsp}:

            > Bonjour Marie,
            >
            > Merci pour votre demande au Chalet des Cimes du 10 au 17 janvier.
            >
            > Val Nevé
            >
            """);

        Assert.Equal("Bonjour,\n\nNous serons finalement 5 adultes. Est-ce possible ?\n\nMerci,\nMarie", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_GmailEnglishHeaderWrappedInsideTheAddress_KeepsOnlyTheReply()
    {
        var mail = Crlf("""
            Thanks, the dates are fine for us.

            On Thu, Dec 3, 2026 at 10:12 AM Val Nevé <
            reponses+k7Qm2x@mail.valneve.fr> wrote:

            > Hello Mary,
            > Thank you for your request.
            """);

        Assert.Equal("Thanks, the dates are fine for us.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_GmailAndroidHeaderOnOneLine_KeepsOnlyTheReply()
    {
        var mail = """
            Oui c'est parfait

            Le jeu. 3 déc. 2026, 10:12, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> a écrit :

            > Bonjour Marie,
            """;

        Assert.Equal("Oui c'est parfait", ReplyText.Strip(mail));
    }

    [Theory]
    [InlineData("-----Message d'origine-----\nDe : Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nEnvoyé : jeudi 3 décembre 2026 10:12\nÀ : Marie Dupont <marie.dupont@wanadoo.fr>\nObjet : Votre devis D-2026-0042")]
    [InlineData("-----Original Message-----\nFrom: Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nSent: Thursday, December 3, 2026 10:12 AM\nTo: Mary Smith <mary@example.com>\nSubject: Your quote D-2026-0042")]
    [InlineData("De\u00A0: Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nEnvoyé\u00A0: jeudi 3 décembre 2026 10:12\nÀ\u00A0: Marie Dupont <marie.dupont@wanadoo.fr>\nCc\u00A0: Paul Dupont <paul@wanadoo.fr>\nObjet\u00A0: Votre devis")]
    [InlineData("De : Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nDate : jeudi 3 décembre 2026 à 10:12\nÀ : Marie Dupont <marie.dupont@wanadoo.fr>\nObjet : Votre devis")]
    [InlineData("________________________________\nDe : Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nEnvoyé : jeudi 3 décembre 2026 10:12\nÀ : marie.dupont@outlook.fr <marie.dupont@outlook.fr>\nObjet : Votre devis")]
    [InlineData("________________________________\nFrom: Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nSent: Thursday, December 3, 2026 10:12 AM\nTo: mary@outlook.com <mary@outlook.com>\nSubject: Your quote")]
    public void Strip_OutlookHeaderBlocks_CutsTheHistoryUnderThem(string headerBlock)
    {
        var mail = Crlf("Bonjour,\n\nJe vous confirme notre accord pour le devis.\n\nCordialement,\nMarie Dupont\n\n" + headerBlock
            + "\n\nBonjour Marie,\n\nVeuillez trouver ci-joint votre devis.\n\nVal Nevé\n");

        Assert.Equal("Bonjour,\n\nJe vous confirme notre accord pour le devis.\n\nCordialement,\nMarie Dupont", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_AppleMailMac_KeepsTheReplyAboveTheHeaderAndQuote()
    {
        var mail = """
            Bonjour,
            Pouvez-vous ajouter le forfait ski ?
            Marie

            > Le 3 déc. 2026 à 10:12, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> a écrit :
            >
            > Bonjour Marie,
            """;

        Assert.Equal("Bonjour,\nPouvez-vous ajouter le forfait ski ?\nMarie", ReplyText.Strip(mail));
    }

    [Theory]
    [InlineData("Envoyé de mon iPhone", "Le 3 déc. 2026 à 10:12, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> a écrit :")]
    [InlineData("Envoyé de mon iPad", "Le 3 déc. 2026 à 10:12, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> a écrit :")]
    [InlineData("Sent from my iPhone", "On Dec 3, 2026, at 10:12, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> wrote:")]
    public void Strip_IPhoneAndIPad_DropTheDeviceLineAndTheQuote(string device, string header)
    {
        var mail = Crlf($"Oui parfait, merci !\n\n{device}\n\n> {header}\n>\n> \uFEFFBonjour Marie,\n> Votre devis est prêt.\n");

        Assert.Equal("Oui parfait, merci !", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_ThunderbirdFrenchWithSignatureAboveTheQuote_KeepsTheReplyWithoutSignature()
    {
        var mail = """
            Bonjour,

            Nous arriverons vers 18 h.

            -- 
            Marie Dupont
            Tél. 06 12 34 56 78

            Le 03/12/2026 à 10:12, Val Nevé a écrit :
            > Bonjour Marie,
            > À quelle heure arriverez-vous ?
            """;

        Assert.Equal("Bonjour,\n\nNous arriverons vers 18 h.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_ThunderbirdEnglishBottomPosting_KeepsTheLinesUnderTheQuote()
    {
        var mail = """
            On 12/3/26 10:12 AM, Val Nevé wrote:
            > Hello Mary,
            > How many of you will come?

            We will be four, two adults and two children.

            -- 
            Mary Smith
            """;

        Assert.Equal("We will be four, two adults and two children.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_InlineAnswersBetweenQuotedLines_KeepsTheAnswersAndDropsTheQuestions()
    {
        var mail = """
            Bonjour, voici mes réponses.

            Le 03/12/2026 à 10:12, Val Nevé a écrit :
            > Combien de personnes serez-vous ?
            4 adultes et 2 enfants.
            > Quelles dates souhaitez-vous ?

            Du 10 au 17 janvier.

            > Bonne journée,
            > Val Nevé
            """;

        Assert.Equal("Bonjour, voici mes réponses.\n\n4 adultes et 2 enfants.\n\nDu 10 au 17 janvier.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_InlineAnswersWithoutAnythingAbove_KeepsTheAnswers()
    {
        var mail = """
            On Thu, Dec 3, 2026 at 10:12 AM Val Nevé <reponses+k7Qm2x@mail.valneve.fr> wrote:
            > How many of you will come?
            Four.
            > Which dates?
            From the 10th to the 17th of January.
            """;

        Assert.Equal("Four.\nFrom the 10th to the 17th of January.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_YahooFrench_CutsAtItsIndentedHeaderAndUnquotedHistory()
    {
        var mail = Crlf("""
            Merci, à bientôt.


                Le jeudi 3 décembre 2026 à 10:12:05 UTC+1, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> a écrit :  
             
             
            Bonjour Marie,
            Votre acompte a bien été reçu.
            """);

        Assert.Equal("Merci, à bientôt.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_YahooEnglish_CutsAtItsHeader()
    {
        var mail = "Great, thanks!\n\n    On Thursday, December 3, 2026 at 10:12:05 AM GMT+1, Val Nevé <reponses+k7Qm2x@mail.valneve.fr> wrote:\n\nHello Mary,\n";

        Assert.Equal("Great, thanks!", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_OrangeWebmail_DropsItsQuotedMessageOfBlock()
    {
        var mail = """
            D'accord pour le devis.
            Marie

            > Message du 03/12/26 10:12
            > De : "Val Nevé" <reponses+k7Qm2x@mail.valneve.fr>
            > A : marie.dupont@orange.fr
            > Copie à : 
            > Objet : Votre devis D-2026-0042
            >
            > Bonjour Marie,
            """;

        Assert.Equal("D'accord pour le devis.\nMarie", ReplyText.Strip(mail));
    }

    [Theory]
    [InlineData("----- Mail original -----\nDe: \"Val Nevé\" <reponses+k7Qm2x@mail.valneve.fr>\nÀ: \"Marie Dupont\" <marie.dupont@free.fr>\nEnvoyé: Jeudi 3 Décembre 2026 10:12:05\nObjet: Votre devis")]
    [InlineData("----- Mail original -----\nDe: \"Val Nevé\" <reponses+k7Qm2x@mail.valneve.fr>\nÀ: marie.dupont@sfr.fr\nEnvoyé: Jeudi 3 Décembre 2026 10:12:05\nObjet: Votre devis")]
    [InlineData("Le 03/12/2026 10:12, \"Val Nevé\" <reponses+k7Qm2x@mail.valneve.fr> a écrit :\n> Bonjour Marie,")]
    public void Strip_FreeZimbraSfrAndLaPoste_CutAtTheirSeparator(string history)
    {
        var mail = Crlf("Parfait, merci.\n\n" + history + "\n\nBonjour Marie,\nVotre devis est prêt.\n");

        Assert.Equal("Parfait, merci.", ReplyText.Strip(mail));
    }

    [Theory]
    [InlineData("Envoyé depuis mon appareil Galaxy", "-------- Message d'origine --------\nDe : Val Nevé <reponses+k7Qm2x@mail.valneve.fr> \nDate : 03/12/2026 10:12 (GMT+01:00) \nÀ : marie.dupont@gmail.com \nObjet : Votre devis ")]
    [InlineData("Sent from my Galaxy", "-------- Original message --------\nFrom: Val Nevé <reponses+k7Qm2x@mail.valneve.fr> \nDate: 12/3/26 10:12 AM (GMT+01:00) \nTo: mary@gmail.com \nSubject: Your quote ")]
    [InlineData("Télécharger Outlook pour Android<https://aka.ms/AAb9ysg>", "________________________________\nDe : Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nEnvoyé : jeudi, décembre 3, 2026 10:12 AM\nÀ : marie.dupont@outlook.fr\nObjet : Votre devis")]
    [InlineData("Get Outlook for iOS<https://aka.ms/o0ukef>", "________________________________\nFrom: Val Nevé <reponses+k7Qm2x@mail.valneve.fr>\nSent: Thursday, December 3, 2026 10:12:00 AM\nTo: mary@outlook.com\nSubject: Your quote")]
    public void Strip_AndroidSamsungAndOutlookMobile_DropTheAppLineAndHistory(string appLine, string history)
    {
        var mail = Crlf("Ok pour moi\n\n\n\n" + appLine + "\n\n\n" + history + "\n\nBonjour Marie,\n");

        Assert.Equal("Ok pour moi", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_DashDashSpaceSignature_IsDropped()
    {
        var mail = "Bonjour,\nJe confirme la réservation.\n\n-- \nMarie Dupont\n06 12 34 56 78\nhttps://marie-dupont.fr";

        Assert.Equal("Bonjour,\nJe confirme la réservation.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_LinesThatOnlyLookLikeMarkers_AreTheCustomersOwnWords()
    {
        var mail = """
            Le chalet a écrit son nom sur la boîte aux lettres ?
            Ma sœur a écrit :
            « nous arriverons tard »
            On sait que le devis wrote: 2 adultes, c'est une erreur.
            Envoyé de mon bureau, je confirme pour le 10 janvier.
            Merci
            """;

        Assert.Equal(mail, ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_NothingButTheQuote_ReturnsTheTextUnstripped()
    {
        var mail = "Le 03/12/2026 à 10:12, Val Nevé a écrit :\n> Bonjour Marie,\n> Votre devis est prêt.";

        Assert.Equal(mail, ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_QuotedLinesWithoutAnyHeader_AreDroppedAroundTheCustomersLines()
    {
        var mail = "> Quelles dates ?\nDu 10 au 17.\n> Combien de personnes ?\nQuatre.\n\n> Cordialement";

        Assert.Equal("Du 10 au 17.\nQuatre.", ReplyText.Strip(mail));
    }

    [Fact]
    public void Strip_HeaderInAnotherLanguageWithAnAddress_IsDroppedWithItsQuote()
    {
        var mail = "Kiitos!\n\nVal Nevé <reponses+k7Qm2x@mail.valneve.fr> kirjoitti:\n> Hello";

        Assert.Equal("Kiitos!", ReplyText.Strip(mail));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("  \r\n \u00A0 ")]
    public void NewText_NoBodyAtAll_IsEmpty(string? body) => Assert.Equal("", ReplyText.NewText(body, body));

    [Fact]
    public void NewText_PlainTextPresent_IsPreferredToTheHtml()
    {
        var text = ReplyText.NewText("Bonjour depuis le texte\n\n-- \nMarie", "<p>Bonjour depuis le HTML</p>");

        Assert.Equal("Bonjour depuis le texte", text);
    }

    [Fact]
    public void NewText_PlainPartHoldingHtml_IsReadAsHtml()
    {
        var text = ReplyText.NewText("<div>Bonjour <b>Val</b></div><div>À bientôt</div>", null);

        Assert.Equal("Bonjour Val\nÀ bientôt", text);
    }
}
