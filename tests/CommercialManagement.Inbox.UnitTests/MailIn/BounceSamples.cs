namespace CommercialManagement.Inbox.UnitTests.MailIn;

/// <summary>
/// Delivery failure reports as the real mail systems write them (addresses and hosts changed), each about an email
/// Notification sent to a customer from notifications@domaine.fr with the Message-ID given in the test.
/// </summary>
internal static class BounceSamples
{
    /// <summary>Postfix: a standard RFC 3464 report with the whole returned message.</summary>
    public const string PostfixUserUnknown = """
        Return-Path: <>
        Delivered-To: reponses@domaine.fr
        Received: by mail.domaine.fr (Postfix) id 4F1B22C0A1; Mon, 14 Dec 2026 10:12:03 +0100 (CET)
        Date: Mon, 14 Dec 2026 10:12:03 +0100 (CET)
        From: MAILER-DAEMON@mail.domaine.fr (Mail Delivery System)
        Subject: Undelivered Mail Returned to Sender
        To: notifications@domaine.fr
        Auto-Submitted: auto-replied
        MIME-Version: 1.0
        Content-Type: multipart/report; report-type=delivery-status;
            boundary="4F1B22C0A1.1765703523/mail.domaine.fr"
        Content-Transfer-Encoding: 8bit
        Message-Id: <20261214091203.4F1B22C0A1@mail.domaine.fr>

        This is a MIME-encapsulated message.

        --4F1B22C0A1.1765703523/mail.domaine.fr
        Content-Description: Notification
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        This is the mail system at host mail.domaine.fr.

        I'm sorry to have to inform you that your message could not
        be delivered to one or more recipients. It's attached below.

        For further assistance, please send mail to postmaster.

        If you do so, please include this problem report. You can
        delete your own text from the attached returned message.

                           The mail system

        <jean.dupont@example.com>: host mx.example.com[203.0.113.25] said: 550 5.1.1
            <jean.dupont@example.com>: Recipient address rejected: User unknown in
            virtual mailbox table (in reply to RCPT TO command)

        --4F1B22C0A1.1765703523/mail.domaine.fr
        Content-Description: Delivery report
        Content-Type: message/delivery-status

        Reporting-MTA: dns; mail.domaine.fr
        X-Postfix-Queue-ID: 4F1B22C0A1
        X-Postfix-Sender: rfc822; notifications@domaine.fr
        Arrival-Date: Mon, 14 Dec 2026 10:12:01 +0100 (CET)

        Final-Recipient: rfc822; jean.dupont@example.com
        Original-Recipient: rfc822;jean.dupont@example.com
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; mx.example.com
        Diagnostic-Code: smtp; 550 5.1.1 <jean.dupont@example.com>: Recipient address
            rejected: User unknown in virtual mailbox table

        --4F1B22C0A1.1765703523/mail.domaine.fr
        Content-Description: Undelivered Message
        Content-Type: message/rfc822
        Content-Transfer-Encoding: 8bit

        Return-Path: <notifications@domaine.fr>
        Received: from app.domaine.fr (app.domaine.fr [192.0.2.10])
            by mail.domaine.fr (Postfix) with ESMTPS id 4F1B22C0A1
            for <jean.dupont@example.com>; Mon, 14 Dec 2026 10:12:01 +0100 (CET)
        From: =?utf-8?q?Val_Nev=C3=A9?= <notifications@domaine.fr>
        Reply-To: reponses+lh4vpm77l6s5qmqhulpkpmxm7ntqavzo@domaine.fr
        To: Jean Dupont <jean.dupont@example.com>
        Subject: =?utf-8?q?Votre_devis_DEV-2027-00012?=
        Date: Mon, 14 Dec 2026 09:12:00 +0000
        Message-ID: <devis-00012.7f3c@domaine.fr>
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Bonjour Jean, voici votre devis.

        --4F1B22C0A1.1765703523/mail.domaine.fr--
        """;

    /// <summary>Gmail: plain and HTML explanation, the report, and the returned headers only (text/rfc822-headers).</summary>
    public const string GmailNoSuchUser = """
        Return-Path: <>
        Delivered-To: reponses@domaine.fr
        Received: by mail-sor-f69.google.com with SMTP id a640c23a62f3a-76b2f1c8f1bso1234567b3.1
                for <notifications@domaine.fr>; Mon, 14 Dec 2026 01:15:42 -0800 (PST)
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: notifications@domaine.fr
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Failure)
        References: <devis-00013.a1b2@domaine.fr>
        In-Reply-To: <devis-00013.a1b2@domaine.fr>
        Message-ID: <6767e54e.050a0220.1b2c3d.9aefSMTPIN_ADDED_MISSING@mx.google.com>
        Date: Mon, 14 Dec 2026 01:15:42 -0800 (PST)
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="000000000000a1b2c3d4e5f60718"; report-type=delivery-status

        --000000000000a1b2c3d4e5f60718
        Content-Type: multipart/related; boundary="000000000000a1b2c3d4e5f60720"

        --000000000000a1b2c3d4e5f60720
        Content-Type: multipart/alternative; boundary="000000000000a1b2c3d4e5f60728"

        --000000000000a1b2c3d4e5f60728
        Content-Type: text/plain; charset="UTF-8"


        ** Address not found **

        Your message wasn't delivered to marie.leroy.73@gmail.com because the address couldn't be found, or is unable to receive mail.

        Learn more here: https://support.google.com/mail/?p=NoSuchUser

        The response was:

        The email account that you tried to reach does not exist. Please try double-checking the recipient's email address for typos or unnecessary spaces. For more information, go to https://support.google.com/mail/?p=NoSuchUser

        --000000000000a1b2c3d4e5f60728
        Content-Type: text/html; charset="UTF-8"

        <html><head></head><body><h1>Address not found</h1><p>Your message wasn't delivered to <a style='color:#212121;text-decoration:none'><b>marie.leroy.73@gmail.com</b></a> because the address couldn't be found.</p></body></html>

        --000000000000a1b2c3d4e5f60728--
        --000000000000a1b2c3d4e5f60720--
        --000000000000a1b2c3d4e5f60718
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com
        Received-From-MTA: dns; mail.domaine.fr
        Arrival-Date: Mon, 14 Dec 2026 01:15:41 -0800 (PST)
        X-Original-Message-ID: <devis-00013.a1b2@domaine.fr>

        Final-Recipient: rfc822; marie.leroy.73@gmail.com
        Action: failed
        Status: 5.1.1
        Remote-MTA: dns; gmail-smtp-in.l.google.com. (2a00:1450:400c:c0b::1a, the server for the domain gmail.com.)
        Diagnostic-Code: smtp; 550-5.1.1 The email account that you tried to reach does not exist. Please try
         550-5.1.1 double-checking the recipient's email address for typos or
         550 5.1.1 unnecessary spaces. https://support.google.com/mail/?p=NoSuchUser a1si12345678wrb.123 - gsmtp
        Last-Attempt-Date: Mon, 14 Dec 2026 01:15:42 -0800 (PST)

        --000000000000a1b2c3d4e5f60718
        Content-Type: text/rfc822-headers

        Return-Path: <notifications@domaine.fr>
        From: Val Neve <notifications@domaine.fr>
        To: marie.leroy.73@gmail.com
        Subject: Votre devis DEV-2027-00013
        Message-ID: <devis-00013.a1b2@domaine.fr>
        Date: Mon, 14 Dec 2026 09:15:40 +0000

        --000000000000a1b2c3d4e5f60718--
        """;

    /// <summary>Gmail again, the mailbox full for now: a delay, not a failure.</summary>
    public const string GmailDelayed = """
        Return-Path: <>
        From: Mail Delivery Subsystem <mailer-daemon@googlemail.com>
        To: notifications@domaine.fr
        Auto-Submitted: auto-replied
        Subject: Delivery Status Notification (Delay)
        Date: Tue, 15 Dec 2026 03:02:11 -0800 (PST)
        MIME-Version: 1.0
        Content-Type: multipart/report; boundary="0000000000001122334455"; report-type=delivery-status

        --0000000000001122334455
        Content-Type: text/plain; charset="UTF-8"

        ** Message not delivered yet **

        There was a temporary problem delivering your message to paul.girard@orange.fr. Gmail will retry for 46 more hours.

        --0000000000001122334455
        Content-Type: message/delivery-status

        Reporting-MTA: dns; googlemail.com

        Final-Recipient: rfc822; paul.girard@orange.fr
        Action: delayed
        Status: 4.2.2
        Diagnostic-Code: smtp; 452 4.2.2 Boite du destinataire pleine. Recipient overquota. OFR_417 [417]
        Will-Retry-Until: Thu, 17 Dec 2026 03:02:11 -0800 (PST)

        --0000000000001122334455
        Content-Type: text/rfc822-headers

        From: Val Neve <notifications@domaine.fr>
        To: paul.girard@orange.fr
        Message-ID: <relance-00014.c3d4@domaine.fr>

        --0000000000001122334455--
        """;

    /// <summary>Exchange Online in French: « Non remis : », a standard report behind an HTML explanation.</summary>
    public const string ExchangeNonRemis = """
        Return-Path: <>
        From: Microsoft Outlook <postmaster@entreprise.fr>
        To: <notifications@domaine.fr>
        Date: Mon, 14 Dec 2026 09:20:05 +0000
        Content-Type: multipart/report; report-type=delivery-status;
            boundary="6b4f2a53-8b1f-4f1e-9a0d-1c2e3f4a5b6c"
        X-MS-Exchange-Message-Is-Ndr:
        Content-Language: fr-FR
        Message-ID: <2b3c4d5e-6f70-4182-93a4-b5c6d7e8f901@PR1P264MB5678.FRAP264.PROD.OUTLOOK.COM>
        In-Reply-To: <confirmation-00015.d5e6@domaine.fr>
        References: <confirmation-00015.d5e6@domaine.fr>
        Subject: =?utf-8?q?Non_remis=C2=A0=3A_Votre_s=C3=A9jour_au_chalet_Les_M=C3=A9l=C3=A8zes?=
        Auto-Submitted: auto-replied
        MIME-Version: 1.0

        --6b4f2a53-8b1f-4f1e-9a0d-1c2e3f4a5b6c
        Content-Type: multipart/alternative;
            boundary="a1d2c3b4-0000-4e5f-8a9b-abcdefabcdef"

        --a1d2c3b4-0000-4e5f-8a9b-abcdefabcdef
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: quoted-printable

        Votre message n=E2=80=99a pas pu =C3=AAtre remis =C3=A0 claire.bernard@entrep=
        rise.fr car l=E2=80=99adresse de messagerie est introuvable.

        Diagnostic pour les administrateurs :
        Remote Server returned '550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient=
         not found by SMTP address lookup'

        --a1d2c3b4-0000-4e5f-8a9b-abcdefabcdef
        Content-Type: text/html; charset="utf-8"

        <html><body><p>Votre message n'a pas pu être remis à <b>claire.bernard@entreprise.fr</b>.</p></body></html>

        --a1d2c3b4-0000-4e5f-8a9b-abcdefabcdef--

        --6b4f2a53-8b1f-4f1e-9a0d-1c2e3f4a5b6c
        Content-Type: message/delivery-status

        Reporting-MTA: dns;PR1P264MB5678.FRAP264.PROD.OUTLOOK.COM
        Received-From-MTA: dns;mail.domaine.fr
        Arrival-Date: Mon, 14 Dec 2026 09:20:04 +0000

        Final-Recipient: rfc822;claire.bernard@entreprise.fr
        Action: failed
        Status: 5.1.10
        Diagnostic-Code: smtp;550 5.1.10 RESOLVER.ADR.RecipientNotFound; Recipient not found by SMTP address lookup
        X-Display-Name: Claire Bernard


        --6b4f2a53-8b1f-4f1e-9a0d-1c2e3f4a5b6c
        Content-Type: message/rfc822

        From: Val Neve <notifications@domaine.fr>
        To: Claire Bernard <claire.bernard@entreprise.fr>
        Subject: =?utf-8?q?Votre_s=C3=A9jour_au_chalet_Les_M=C3=A9l=C3=A8zes?=
        Message-ID: <confirmation-00015.d5e6@domaine.fr>
        Date: Mon, 14 Dec 2026 09:20:00 +0000
        MIME-Version: 1.0
        Content-Type: text/plain; charset=utf-8

        Bonjour Claire, votre séjour est confirmé.

        --6b4f2a53-8b1f-4f1e-9a0d-1c2e3f4a5b6c--
        """;

    /// <summary>
    /// An on-premises Exchange gateway's free-text report, « Échec de la remise », with no delivery-status part and the
    /// returned headers attached in base64 (so MimeKit leaves them a plain part).
    /// </summary>
    public const string ExchangeEchecDeLaRemise = """
        Return-Path: <>
        From: postmaster@mairie-exemple.fr
        To: notifications@domaine.fr
        Date: Mon, 14 Dec 2026 10:40:00 +0100
        Subject: =?iso-8859-1?q?=C9chec_de_la_remise=A0: Votre_devis_DEV-2027-00016?=
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="----=_NextPart_000_0001_01DB4E2A.12345670"

        ------=_NextPart_000_0001_01DB4E2A.12345670
        Content-Type: text/plain; charset="utf-8"
        Content-Transfer-Encoding: 8bit

        Échec de la remise aux destinataires ou aux groupes suivants :

        Marc Petit (marc.petit@mairie-exemple.fr)
        La boîte aux lettres du destinataire est pleine et ne peut pas accepter de messages pour l'instant.

        #550 5.2.2 mailbox full ##

        ------=_NextPart_000_0001_01DB4E2A.12345670
        Content-Type: text/rfc822-headers
        Content-Transfer-Encoding: base64

        RnJvbTogVmFsIE5ldmUgPG5vdGlmaWNhdGlvbnNAZG9tYWluZS5mcj4NClRvOiBNYXJjIFBldGl0
        IDxtYXJjLnBldGl0QG1haXJpZS1leGVtcGxlLmZyPg0KU3ViamVjdDogVm90cmUgZGV2aXMgREVW
        LTIwMjctMDAwMTYNCk1lc3NhZ2UtSUQ6IDxkZXZpcy0wMDAxNi5lN2Y4QGRvbWFpbmUuZnI+DQpE
        YXRlOiBNb24sIDE0IERlYyAyMDI2IDA5OjM5OjU4ICswMDAwDQoNCg==

        ------=_NextPart_000_0001_01DB4E2A.12345670--
        """;

    /// <summary>Exim's classic free text: X-Failed-Recipients, and our email pasted below the explanation.</summary>
    public const string EximFailed = """
        Return-path: <>
        Envelope-to: notifications@domaine.fr
        Received: from mail by mx1.hebergeur-exemple.fr with local (Exim 4.97)
            id 1tMabc-0001xY-2Z
            for notifications@domaine.fr; Mon, 14 Dec 2026 11:02:13 +0100
        X-Failed-Recipients: paul.martin@chez-paul.fr
        Auto-Submitted: auto-replied
        From: Mail Delivery System <Mailer-Daemon@mx1.hebergeur-exemple.fr>
        To: notifications@domaine.fr
        Content-Type: text/plain; charset=us-ascii
        Subject: Mail delivery failed: returning message to sender
        Message-Id: <E1tMabc-0001xY-2Z@mx1.hebergeur-exemple.fr>
        Date: Mon, 14 Dec 2026 11:02:13 +0100

        This message was created automatically by mail delivery software.

        A message that you sent could not be delivered to one or more of its
        recipients. This is a permanent error. The following address(es) failed:

          paul.martin@chez-paul.fr
            host mx.chez-paul.fr [198.51.100.7]
            SMTP error from remote mail server after RCPT TO:<paul.martin@chez-paul.fr>:
            550 5.1.1 <paul.martin@chez-paul.fr>: Recipient address rejected: User unknown

        ------ This is a copy of the message, including all the headers. ------

        Return-path: <notifications@domaine.fr>
        Received: from app.domaine.fr ([192.0.2.10])
            by mx1.hebergeur-exemple.fr with esmtpsa (Exim 4.97)
            id 1tMabb-0001xW-1Y
        From: Val Neve <notifications@domaine.fr>
        To: Paul Martin <paul.martin@chez-paul.fr>
        Subject: Votre devis DEV-2027-00017
        Message-ID: <devis-00017.f9a0@domaine.fr>
        Date: Mon, 14 Dec 2026 10:02:10 +0000

        Bonjour Paul, voici votre devis.
        """;

    /// <summary>
    /// A free-text report about an Orange mailbox, in French as Orange words its refusal (OFR_416), with neither
    /// X-Failed-Recipients nor a delivery-status part: the address and the status come from the prose.
    /// </summary>
    public const string OrangeInvalidRecipient = """
        Return-Path: <>
        From: "Systeme de messagerie" <MAILER-DAEMON@smtp-out.hebergeur-exemple.fr>
        To: notifications@domaine.fr
        Subject: Undelivered Mail Returned to Sender
        Date: Mon, 14 Dec 2026 11:30:00 +0100
        MIME-Version: 1.0
        Content-Type: multipart/mixed; boundary="=_bounce_7788"

        --=_bounce_7788
        Content-Type: text/plain; charset=utf-8
        Content-Transfer-Encoding: 8bit

        Ce message a été créé automatiquement par le système de messagerie de notifications@domaine.fr.

        Votre message n'a pas pu être remis à un ou plusieurs destinataires.
        Erreur permanente. L'adresse suivante a échoué :

          <lucie.moreau@orange.fr>
            smtp-in.orange.fr [193.252.22.65] a répondu : 550 5.1.1 Adresse d au moins un
            destinataire invalide. Invalid recipient. OFR_416 [416]

        --=_bounce_7788
        Content-Type: text/rfc822-headers

        From: Val Neve <notifications@domaine.fr>
        To: lucie.moreau@orange.fr
        Subject: Votre facture FAC-2027-00018
        Message-ID: <facture-00018.b1c2@domaine.fr>

        --=_bounce_7788--
        """;

    /// <summary>qmail (Yahoo's old wording): « failure notice », our email pasted below a marker line.</summary>
    public const string QmailFailureNotice = """
        Return-Path: <>
        From: MAILER-DAEMON@mta1.mail.exemple.net
        To: notifications@domaine.fr
        Subject: failure notice
        Date: Mon, 14 Dec 2026 12:00:00 +0000

        Hi. This is the qmail-send program at mta1.mail.exemple.net.
        I'm afraid I wasn't able to deliver your message to the following addresses.
        This is a permanent error; I've given up. Sorry it didn't work out.

        <antoine.roux@exemple.net>:
        Remote host said: 554 delivery error: dd This user doesn't have an account (antoine.roux@exemple.net) [-5]

        --- Below this line is a copy of the message.

        Return-Path: <notifications@domaine.fr>
        Received: (qmail 24519 invoked by uid 60001); 14 Dec 2026 12:00:00 -0000
        From: Val Neve <notifications@domaine.fr>
        To: antoine.roux@exemple.net
        Subject: Votre devis DEV-2027-00019
        Message-ID: <devis-00019.c3d4@domaine.fr>

        Bonjour Antoine.
        """;
}
