using CommercialManagement.Inbox.Api.Features.MailIn;
using static CommercialManagement.Inbox.UnitTests.MailIn.InboundClassifierTests;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>
/// Auto-replies and list traffic (issue 18) are never posted as a customer's reply and never answered; a customer's
/// reply, however it is worded, always is.
/// </summary>
public sealed class InboundClassifierHeaderTests
{
    /// <summary>A customer's reply as Gmail sends it, with <paramref name="headers"/> added and the subject given.</summary>
    private static Classification Reply(string subject = "Re: Votre devis DEV-2027-00012", params string[] headers) =>
        InboundClassifier.Classify(Parse(string.Join("\r\n",
        [
            "Return-Path: <jean.dupont@example.com>",
            "Delivered-To: reponses+lh4vpm77l6s5qmqhulpkpmxm7ntqavzo@domaine.fr",
            "From: Jean Dupont <jean.dupont@example.com>",
            "To: =?utf-8?q?Val_Nev=C3=A9?= <reponses+lh4vpm77l6s5qmqhulpkpmxm7ntqavzo@domaine.fr>",
            $"Subject: {subject}",
            "Date: Tue, 15 Dec 2026 08:41:12 +0100",
            "Message-ID: <CAHk3x9vQ1n2=Jd8Zp@mail.gmail.com>",
            "In-Reply-To: <devis-00012.7f3c@domaine.fr>",
            "References: <devis-00012.7f3c@domaine.fr>",
            .. headers,
            "MIME-Version: 1.0",
            "Content-Type: text/plain; charset=\"UTF-8\"",
            "",
            "Bonjour, c'est parfait pour nous, je vous renvoie le devis signé.",
            "Jean",
            "",
            "Le lun. 14 déc. 2026 à 10:12, Val Nevé <reponses@domaine.fr> a écrit :",
            "> Bonjour Jean, voici votre devis.",
        ])));

    [Fact]
    public void Classify_PlainCustomerReply_IsAMessage()
    {
        var classification = Reply();

        Assert.Equal((InboundKind.Message, null), (classification.Kind, classification.Bounce));
    }

    [Theory]
    [InlineData("Auto-Submitted: auto-replied", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted: auto-generated", "Auto-Submitted: auto-generated")]
    [InlineData("Auto-Submitted: Auto-Replied (vacation); owner-email=\"jean@example.com\"", "Auto-Submitted: auto-replied")]
    [InlineData("Auto-Submitted:", "Auto-Submitted: (empty)")]
    [InlineData("X-Autoreply: yes", "X-Autoreply: yes")]
    [InlineData("X-Autorespond: Jean est absent", "X-Autorespond: Jean est absent")]
    [InlineData("Precedence: auto_reply", "Precedence: auto_reply")]
    [InlineData("X-Precedence: Auto_Reply", "X-Precedence: auto_reply")]
    public void Classify_AutomaticReplyHeader_IsAnAutoReply(string header, string reason)
    {
        var classification = Reply(headers: header);

        Assert.Equal((InboundKind.AutoReply, reason), (classification.Kind, classification.Reason));
    }

    [Fact]
    public void Classify_AutoSubmittedNo_IsAMessage()
    {
        Assert.Equal(InboundKind.Message, Reply(headers: "Auto-Submitted: no").Kind);
    }

    [Theory]
    [InlineData("Réponse automatique : Votre devis DEV-2027-00012")]
    [InlineData("RÉPONSE AUTOMATIQUE: Votre devis")]
    [InlineData("Re\u0301ponse automatique : Votre devis")]
    [InlineData("Automatic reply: Votre devis DEV-2027-00012")]
    [InlineData("Auto: Votre devis")]
    [InlineData("Autoreply: Votre devis")]
    [InlineData("AutoReply: Votre devis")]
    [InlineData("Auto-Reply: Votre devis")]
    [InlineData("Out of Office: Votre devis")]
    [InlineData("OUT OF OFFICE AutoReply")]
    [InlineData("Absence du bureau : Votre devis")]
    [InlineData("Absent du bureau jusqu'au 4 janvier")]
    [InlineData("Message d'absence")]
    [InlineData("Message d\u2019absence : Jean Dupont")]
    [InlineData("  Réponse\u00a0automatique : Votre devis")]
    public void Classify_AutoReplySubject_IsAnAutoReply(string subject)
    {
        var classification = Reply(subject);

        Assert.Equal(InboundKind.AutoReply, classification.Kind);
        Assert.StartsWith("Subject starts with", classification.Reason, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_OutlookOutOfOfficeInFrench_NamesTheSuppressHeaderInItsReason()
    {
        var classification = Reply("Réponse automatique : Votre devis DEV-2027-00012", "X-Auto-Response-Suppress: All", "Thread-Topic: Votre devis DEV-2027-00012");

        Assert.Equal((InboundKind.AutoReply, "X-Auto-Response-Suppress with subject \"Réponse automatique\""), (classification.Kind, classification.Reason));
    }

    [Theory]
    [InlineData("Re: Je serai absent du 3 au 10 mars, merci de rappeler")]
    [InlineData("Re: Votre devis (je suis absent du bureau jusqu'à lundi)")]
    [InlineData("Re: Réponse automatique ? Non, c'est bien moi")]
    [InlineData("Absente la semaine prochaine : pouvons-nous décaler ?")]
    [InlineData("Autorisation parentale pour le séjour")]
    [InlineData("Automne 2027 : disponibilités ?")]
    [InlineData("")]
    public void Classify_SubjectThatOnlyMentionsAbsence_IsAMessage(string subject)
    {
        Assert.Equal(InboundKind.Message, Reply(subject).Kind);
    }

    [Fact]
    public void Classify_XAutoResponseSuppressOnAnOrdinaryReply_IsAMessage()
    {
        Assert.Equal(InboundKind.Message, Reply(headers: "X-Auto-Response-Suppress: All").Kind);
    }

    [Theory]
    [InlineData("List-Id: Station infos <infos.station-exemple.fr>", "List-Id: Station infos <infos.station-exemple.fr>")]
    [InlineData("List-Unsubscribe: <mailto:unsubscribe@lists.station-exemple.fr>, <https://station-exemple.fr/u/8f2a>", "List-Unsubscribe: <mailto:unsubscribe@lists.station-exemple.fr>, <https://station-exemple.fr/u/8f2a>")]
    [InlineData("List-Post: <mailto:loueurs@lists.station-exemple.fr>", "List-Post: <mailto:loueurs@lists.station-exemple.fr>")]
    [InlineData("X-Mailing-List: loueurs@lists.station-exemple.fr", "X-Mailing-List: loueurs@lists.station-exemple.fr")]
    [InlineData("Precedence: bulk", "Precedence: bulk")]
    [InlineData("Precedence: list", "Precedence: list")]
    [InlineData("Precedence: Junk (newsletter)", "Precedence: junk")]
    public void Classify_ListHeader_IsMailingList(string header, string reason)
    {
        var classification = Reply("Les nouveautés de la station", header);

        Assert.Equal((InboundKind.MailingList, reason), (classification.Kind, classification.Reason));
    }

    [Fact]
    public void Classify_AutoReplyFromAList_IsAnAutoReplyBecauseAutoRepliesComeFirst()
    {
        Assert.Equal(InboundKind.AutoReply, Reply("Out of Office", "List-Id: <loueurs.lists.station-exemple.fr>").Kind);
    }

    [Fact]
    public void Classify_BounceMarkedAutoSubmitted_IsABounceBecauseBouncesComeFirst()
    {
        Assert.Equal(InboundKind.Bounce, Reply("Re: Votre devis", "Auto-Submitted: auto-replied", "X-Failed-Recipients: jean@example.com").Kind);
    }

    [Fact]
    public void Classify_NullSenderWithNothingElse_IsAutomatic()
    {
        var raw = string.Join("\r\n", "Return-Path: <>", "From: Service <notification@fournisseur.fr>", "Subject: Votre commande", "", "Texte.");

        var classification = InboundClassifier.Classify(Parse(raw));

        Assert.Equal((InboundKind.AutoReply, "Return-Path: <> (null sender)"), (classification.Kind, classification.Reason));
    }

    [Theory]
    [InlineData(nameof(InboundKind.Message), "From: <<<@@@>>>", "Subject: =?utf-8?B?####?=")]
    [InlineData(nameof(InboundKind.Message), "Return-Path: garbage <<", "Precedence: ;;;")]
    [InlineData(nameof(InboundKind.Message), "X-Failed-Recipients:    ", "Auto-Submitted: no (no no")]
    [InlineData(nameof(InboundKind.Message), "Subject: Re: devis \u0001\u0007\u0000 ok", "Content-Type: text/plain; charset=x-unknown-charset")]
    [InlineData(nameof(InboundKind.Message), "Content-Type: multipart/mixed", "To: ,,,;;;<>")]
    [InlineData(nameof(InboundKind.Bounce), "Content-Type: multipart/report; report-type=delivery-status", "Subject:")]
    [InlineData(nameof(InboundKind.Bounce), "Content-Type: multipart/report; report-type=\"delivery-status\"; boundary=\"x\"", "From: MAILER-DAEMON")]
    [InlineData(nameof(InboundKind.AutoReply), "Content-Type: multipart/report; report-type=disposition-notification; boundary=x", "Subject: Lu : Votre devis")]
    public void Classify_GarbageHeaders_NeverThrow(string expected, string first, string second)
    {
        var raw = string.Join("\r\n", "From: Jean <jean.dupont@example.com>", first, second, "", "--x", "Content-Type: text/plain", "", "corps", "--x--");

        Assert.Equal(Enum.Parse<InboundKind>(expected), InboundClassifier.Classify(Parse(raw)).Kind);
    }

    [Fact]
    public void Classify_EnormousListHeader_GivesABoundedReason()
    {
        var classification = Reply("Infos", "List-Id: <" + new string('x', 100_000) + ">");

        Assert.Equal(InboundKind.MailingList, classification.Kind);
        Assert.True(classification.Reason.Length <= 161, $"Reason of {classification.Reason.Length} characters.");
    }
}
