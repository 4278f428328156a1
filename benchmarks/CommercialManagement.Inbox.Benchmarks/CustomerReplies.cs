using System.Globalization;
using System.Net;
using System.Text;
using MimeKit;

namespace CommercialManagement.Inbox.Benchmarks;

/// <summary>
/// What a customer's answer looks like when it leaves Gmail: a few lines of new text above the staff email it answers
/// (« Le … a écrit : » and the quoted lines), the same as HTML (a <c>gmail_quote</c> blockquote) in a
/// multipart/alternative, In-Reply-To and References naming our email, sent to the case's tagged reply address; every
/// other one with a 100 KB PDF attached (random bytes in a PDF shell, so that compression or caching gains nothing).
/// </summary>
internal static class CustomerReplies
{
    public const int PdfBytes = 100 * 1024;

    private const string Quoted = """
        Bonjour {0},

        Merci pour votre demande de séjour au Chalet des Cimes.

        Nous avons le plaisir de vous proposer l'appartement « Edelweiss » (4 à 6 personnes, 65 m², balcon plein sud)
        du samedi 13 au samedi 20 février 2027, pour 2 adultes et 2 enfants.

        Le détail du devis :
        - hébergement, 7 nuits : 1 540,00 €
        - ménage de fin de séjour : 90,00 €
        - linge de lit et de toilette : 4 × 18,00 €
        - taxe de séjour : 2 adultes × 7 nuits × 1,65 €

        Pour confirmer, il vous suffit de répondre à ce message ou de signer le devis dans votre espace client ;
        un acompte de 30 % vous sera alors demandé.

        Nous restons à votre disposition pour toute question.

        Bien cordialement,
        Julie Martin
        Chalet des Cimes – 12 route des Alpages – 73440 Les Menuires
        """;

    public static MimeMessage Reply(int index, string customerName, string customerEmail, string replyTo, string ourMessageId)
    {
        var newText = $"""
            Bonjour Julie,

            Merci beaucoup pour votre devis. Nous confirmons pour la semaine du 13 au 20 février (réf. {index}).
            Serait-il possible d'arriver le samedi vers 18 h ? Nous aurions aussi besoin d'un lit parapluie pour notre
            petit dernier, et d'une place de parking couverte si vous en avez une.

            {(index % 2 == 0 ? "Vous trouverez ci-joint notre attestation CAF pour le règlement." : "Je vous envoie l'acompte dès demain.")}

            Bien cordialement,
            {customerName}
            """;
        var when = new DateTimeOffset(2026, 12, 3, 10, 12, 0, TimeSpan.FromHours(1));
        var attribution = $"Le jeu. 3 déc. 2026 à 10:12, Chalet des Cimes <{replyTo}> a écrit :";
        var quoted = string.Format(CultureInfo.InvariantCulture, Quoted, customerName);
        var plain = $"{newText}\n\n{attribution}\n\n{string.Join("\n", quoted.Split('\n').Select(l => l.Length == 0 ? ">" : $"> {l}"))}\n";
        var html = $"""
            <div dir="ltr">{Paragraphs(newText)}</div><br><div class="gmail_quote"><div dir="ltr" class="gmail_attr">{WebUtility.HtmlEncode(attribution)}<br></div><blockquote class="gmail_quote" style="margin:0px 0px 0px 0.8ex;border-left:1px solid rgb(204,204,204);padding-left:1ex"><div><div style="font-family:Arial,sans-serif;font-size:14px">{Paragraphs(quoted)}</div></div></blockquote></div>
            """;

        var alternative = new MultipartAlternative
        {
            new TextPart("plain") { Text = plain },
            new TextPart("html") { Text = html },
        };
        MimeEntity body = alternative;
        if (index % 2 == 0)
        {
            body = new Multipart("mixed")
            {
                alternative,
                new MimePart("application", "pdf")
                {
                    Content = new MimeContent(new MemoryStream(Pdf(index))),
                    ContentDisposition = new ContentDisposition(ContentDisposition.Attachment),
                    ContentTransferEncoding = ContentEncoding.Base64,
                    FileName = $"attestation-caf-{index}.pdf",
                },
            };
        }

        var message = new MimeMessage
        {
            Subject = "Re: Votre demande de séjour au Chalet des Cimes",
            MessageId = $"CAF{index:D6}x{Guid.NewGuid():N}@mail.gmail.com",
            Date = when.AddHours(2).AddSeconds(index),
            InReplyTo = ourMessageId,
            Body = body,
        };
        message.References.Add(ourMessageId);
        message.From.Add(new MailboxAddress(customerName, customerEmail));
        message.To.Add(new MailboxAddress("Chalet des Cimes", replyTo));
        return message;
    }

    private static string Paragraphs(string text) => string.Concat(
        text.Split("\n\n").Select(p => $"<div>{WebUtility.HtmlEncode(p).Replace("\n", "<br>", StringComparison.Ordinal)}</div><div><br></div>"));

    /// <summary>A PDF shell around random bytes: what a scanned attestation weighs, incompressible.</summary>
    private static byte[] Pdf(int seed)
    {
        var random = new Random(seed);
        var head = Encoding.ASCII.GetBytes($"%PDF-1.4\n1 0 obj\n<< /Length {PdfBytes - 200} >>\nstream\n");
        var tail = Encoding.ASCII.GetBytes("\nendstream\nendobj\ntrailer\n<< /Root 1 0 R >>\n%%EOF\n");
        var pdf = new byte[PdfBytes];
        random.NextBytes(pdf);
        head.CopyTo(pdf, 0);
        tail.CopyTo(pdf, PdfBytes - tail.Length);
        return pdf;
    }
}
