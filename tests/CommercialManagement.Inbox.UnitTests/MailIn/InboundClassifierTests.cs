using System.Diagnostics;
using System.Text;
using CommercialManagement.Inbox.Api.Features.MailIn;
using MimeKit;

namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>
/// Delivery failure reports (issue 18): whatever the mail system, a bounce is recognised as one, never posted as a
/// customer's reply, and says which address failed, whether for good, and which of our emails it was.
/// </summary>
public sealed class InboundClassifierTests
{
    internal static MimeMessage Parse(string raw) => MimeMessage.Load(new MemoryStream(Encoding.UTF8.GetBytes(raw)));

    private static BounceReport Bounce(string raw)
    {
        var classification = InboundClassifier.Classify(Parse(raw));
        Assert.Equal(InboundKind.Bounce, classification.Kind);
        return Assert.IsType<BounceReport>(classification.Bounce);
    }

    [Fact]
    public void Classify_PostfixReport_IsAPermanentBounceWithTheFailedAddressAndOurMessageId()
    {
        var classification = InboundClassifier.Classify(Parse(BounceSamples.PostfixUserUnknown));

        Assert.Equal((InboundKind.Bounce, "Delivery report: failed 5.1.1"), (classification.Kind, classification.Reason));
        var bounce = classification.Bounce!;
        Assert.Equal(("jean.dupont@example.com", "5.1.1", "devis-00012.7f3c@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
        Assert.StartsWith("550 5.1.1 <jean.dupont@example.com>: Recipient address rejected: User unknown", bounce.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_GmailReport_ReadsTheRecipientStatusAndTheReturnedHeaders()
    {
        var bounce = Bounce(BounceSamples.GmailNoSuchUser);

        Assert.Equal(("marie.leroy.73@gmail.com", "5.1.1", "devis-00013.a1b2@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
        Assert.Contains("The email account that you tried to reach does not exist", bounce.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_GmailReportWithoutTheReturnedMessageId_TakesItFromTheReportFields()
    {
        var raw = BounceSamples.GmailNoSuchUser.Replace("\nMessage-ID: <devis-00013.a1b2@domaine.fr>", "", StringComparison.Ordinal);

        Assert.Equal("devis-00013.a1b2@domaine.fr", Bounce(raw).OriginalMessageId);
    }

    [Fact]
    public void Classify_InternationalisedReport_ReadsTheUtf8Recipient()
    {
        var raw = BounceSamples.PostfixUserUnknown
            .Replace("report-type=delivery-status", "report-type=global-delivery-status", StringComparison.Ordinal)
            .Replace("Content-Type: message/delivery-status", "Content-Type: message/global-delivery-status", StringComparison.Ordinal)
            .Replace("Original-Recipient: rfc822;jean.dupont@example.com", "Original-Recipient: utf-8;élodie.müller@exemple.fr", StringComparison.Ordinal);

        var bounce = Bounce(raw);

        Assert.Equal(("élodie.müller@exemple.fr", "5.1.1", true), (bounce.FailedRecipient, bounce.Status, bounce.Permanent));
    }

    [Fact]
    public void Classify_GmailDelay_IsABounceThatDoesNotMarkTheAddressFailing()
    {
        var classification = InboundClassifier.Classify(Parse(BounceSamples.GmailDelayed));

        Assert.Equal((InboundKind.Bounce, "Delivery report: delayed 4.2.2"), (classification.Kind, classification.Reason));
        Assert.Equal(("paul.girard@orange.fr", "4.2.2", "relance-00014.c3d4@domaine.fr", false),
            (classification.Bounce!.FailedRecipient, classification.Bounce.Status, classification.Bounce.OriginalMessageId, classification.Bounce.Permanent));
    }

    [Fact]
    public void Classify_ExchangeNonRemisInFrench_IsAPermanentBounce()
    {
        var bounce = Bounce(BounceSamples.ExchangeNonRemis);

        Assert.Equal(("claire.bernard@entreprise.fr", "5.1.10", "confirmation-00015.d5e6@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
        Assert.Equal("550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup", bounce.Diagnostic);
    }

    [Fact]
    public void Classify_ExchangeEchecDeLaRemiseInFreeText_FindsTheAddressInTheTextAndTheIdInTheEncodedHeaders()
    {
        var classification = InboundClassifier.Classify(Parse(BounceSamples.ExchangeEchecDeLaRemise));

        Assert.Equal(InboundKind.Bounce, classification.Kind);
        Assert.Contains("Échec de la remise", classification.Reason, StringComparison.Ordinal);
        var bounce = classification.Bounce!;
        Assert.Equal(("marc.petit@mairie-exemple.fr", "5.2.2", "devis-00016.e7f8@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
    }

    [Fact]
    public void Classify_EximFreeText_TakesXFailedRecipientsAndTheIdOfThePastedCopy()
    {
        var classification = InboundClassifier.Classify(Parse(BounceSamples.EximFailed));

        Assert.Equal((InboundKind.Bounce, "X-Failed-Recipients: paul.martin@chez-paul.fr"), (classification.Kind, classification.Reason));
        var bounce = classification.Bounce!;
        Assert.Equal(("paul.martin@chez-paul.fr", "5.1.1", "devis-00017.f9a0@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
        Assert.Equal("550 5.1.1 <paul.martin@chez-paul.fr>: Recipient address rejected: User unknown", bounce.Diagnostic);
    }

    [Fact]
    public void Classify_OrangeRefusalInFrenchProse_FindsTheAddressPastOursAndTheStatus()
    {
        var bounce = Bounce(BounceSamples.OrangeInvalidRecipient);

        Assert.Equal(("lucie.moreau@orange.fr", "5.1.1", "facture-00018.b1c2@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
        Assert.Contains("Invalid recipient. OFR_416", bounce.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_QmailFailureNotice_ReadsTheSmtpReplyWithoutEnhancedStatus()
    {
        var bounce = Bounce(BounceSamples.QmailFailureNotice);

        Assert.Equal(("antoine.roux@exemple.net", null, "devis-00019.c3d4@domaine.fr", true),
            (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId, bounce.Permanent));
        Assert.StartsWith("554 delivery error", bounce.Diagnostic, StringComparison.Ordinal);
    }

    [Fact]
    public void Classify_XFailedRecipientsAlone_IsABounce()
    {
        var bounce = Bounce("""
            From: Jean Dupont <jean.dupont@example.com>
            To: reponses@domaine.fr
            Subject: Re: Votre devis
            X-Failed-Recipients: ancien.contact@example.com

            Texte.
            """);

        Assert.Equal("ancien.contact@example.com", bounce.FailedRecipient);
    }

    [Fact]
    public void Classify_ReportOfASuccessfulDelivery_IsAutomaticButNoBounce()
    {
        var raw = BounceSamples.GmailDelayed.Replace("Action: delayed", "Action: delivered", StringComparison.Ordinal)
            .Replace("Status: 4.2.2", "Status: 2.0.0", StringComparison.Ordinal);

        var classification = InboundClassifier.Classify(Parse(raw));

        Assert.Equal((InboundKind.AutoReply, "Delivery report: delivered", null), (classification.Kind, classification.Reason, classification.Bounce));
    }

    [Fact]
    public void Classify_ReportWhoseStatusPartIsGarbage_IsStillABounceFromItsText()
    {
        var raw = BounceSamples.PostfixUserUnknown.Replace("Reporting-MTA: dns; mail.domaine.fr", "\u0001\u0002 ;;; ::: <<<", StringComparison.Ordinal)
            .Replace("Final-Recipient: rfc822; jean.dupont@example.com", "garbage without colon", StringComparison.Ordinal)
            .Replace("Original-Recipient: rfc822;jean.dupont@example.com", "Original-Recipient: ;", StringComparison.Ordinal);

        var bounce = Bounce(raw);

        Assert.Equal(("jean.dupont@example.com", "5.1.1", true), (bounce.FailedRecipient, bounce.Status, bounce.Permanent));
    }

    [Fact]
    public void Classify_MailSystemWritingAboutSomethingElse_IsAutomaticNotAMessage()
    {
        var classification = InboundClassifier.Classify(Parse("""
            From: postmaster@domaine.fr
            To: reponses@domaine.fr
            Subject: Quarantine summary

            3 messages are held in quarantine.
            """));

        Assert.Equal((InboundKind.AutoReply, "From a mail system address (From postmaster@domaine.fr)"), (classification.Kind, classification.Reason));
    }

    [Fact]
    public void Classify_CustomerForwardingABounce_IsTheCustomersMessage()
    {
        var classification = InboundClassifier.Classify(Parse("""
            Return-Path: <jean.dupont@example.com>
            From: Jean Dupont <jean.dupont@example.com>
            To: reponses+lh4vpm77l6s5qmqhulpkpmxm7ntqavzo@domaine.fr
            Subject: TR: Undelivered Mail Returned to Sender

            Bonjour, mon épouse n'a pas reçu votre email, pouvez-vous l'envoyer à marie.dupont@example.com ?
            """));

        Assert.Equal((InboundKind.Message, null), (classification.Kind, classification.Bounce));
    }

    [Fact]
    public void Classify_HugeFreeTextBounceWithoutAnyAddress_IsQuickAndFindsNothing()
    {
        var raw = "From: MAILER-DAEMON@mx.exemple.fr\r\nSubject: failure notice\r\n\r\n" + new string('a', 200_000) + "\r\n" + string.Concat(Enumerable.Repeat("a.b.c.d.", 20_000));
        var watch = Stopwatch.StartNew();

        var bounce = Bounce(raw);

        Assert.Equal((null, null, null), (bounce.FailedRecipient, bounce.Status, bounce.OriginalMessageId));
        Assert.True(watch.Elapsed < TimeSpan.FromSeconds(5), $"Took {watch.Elapsed}.");
    }
}
