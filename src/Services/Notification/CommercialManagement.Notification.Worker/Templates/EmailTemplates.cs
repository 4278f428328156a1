using System.Globalization;
using System.Text;
using System.Text.Encodings.Web;
using System.Text.Unicode;
using CommercialManagement.Contracts.Inbox;

namespace CommercialManagement.Notification.Worker.Templates;

internal sealed record RenderedEmail(string Subject, string Html, string Text);

/// <summary>
/// The emails, in French or in English (the customer's language). Everything that comes from a customer or a
/// seller is HTML-encoded in the HTML part: customer text is data, never markup.
/// </summary>
internal static class EmailTemplates
{
    // Markup characters are encoded; accents stay readable in the source of the email.
    private static readonly HtmlEncoder Html = HtmlEncoder.Create(UnicodeRanges.All);

    public static RenderedEmail RequestAcknowledgement(RequestReceived request, string organisationName, string? contactPhone)
    {
        var english = request.Language == "en";
        var culture = CultureInfo.GetCultureInfo(english ? "en-GB" : "fr-FR");
        var stay = Stay(request, english, culture);
        var subject = english
            ? $"We have received your request — {organisationName}"
            : $"Votre demande a bien été reçue — {organisationName}";
        string[] paragraphs = english
            ?
            [
                $"Hello {request.CustomerName},",
                $"Thank you for your request{stay}. Our team will answer you shortly.",
                "You can simply reply to this email to add anything.",
            ]
            :
            [
                $"Bonjour {request.CustomerName},",
                $"Nous avons bien reçu votre demande{stay}. Notre équipe vous répond au plus vite.",
                "Vous pouvez répondre directement à cet e-mail pour compléter votre demande.",
            ];
        var signature = english ? "See you soon," : "À bientôt,";
        return Render(subject, paragraphs, signature, organisationName, contactPhone, english);
    }

    private static string Stay(RequestReceived request, bool english, CultureInfo culture)
    {
        if (request.Arrival is not { } arrival || request.Departure is not { } departure)
        {
            return "";
        }

        var children = request.ChildrenAges.Count;
        var party = english
            ? $"{request.Adults} adult{(request.Adults > 1 ? "s" : "")}{(children > 0 ? $", {children} child{(children > 1 ? "ren" : "")}" : "")}"
            : $"{request.Adults} adulte{(request.Adults > 1 ? "s" : "")}{(children > 0 ? $", {children} enfant{(children > 1 ? "s" : "")}" : "")}";
        return english
            ? $" for a stay from {arrival.ToString("d MMMM yyyy", culture)} to {departure.ToString("d MMMM yyyy", culture)} ({party})"
            : $" pour un séjour du {arrival.ToString("d MMMM yyyy", culture)} au {departure.ToString("d MMMM yyyy", culture)} ({party})";
    }

    private static RenderedEmail Render(string subject, string[] paragraphs, string signature, string organisationName, string? contactPhone, bool english)
    {
        var text = new StringBuilder();
        foreach (var paragraph in paragraphs)
        {
            text.Append(paragraph).Append("\n\n");
        }

        text.Append(signature).Append('\n').Append(organisationName);
        if (!string.IsNullOrWhiteSpace(contactPhone))
        {
            text.Append('\n').Append(contactPhone);
        }

        var html = new StringBuilder();
        html.Append("<!DOCTYPE html><html lang=\"").Append(english ? "en" : "fr").Append("\"><head><meta charset=\"utf-8\"><title>")
            .Append(Html.Encode(subject)).Append("</title></head>")
            .Append("<body style=\"margin:0;padding:24px;background:#f3f6f8;font-family:Arial,Helvetica,sans-serif;color:#1d2b36\">")
            .Append("<div style=\"max-width:560px;margin:0 auto;background:#ffffff;border-radius:8px;padding:28px 32px\">")
            .Append("<div style=\"color:#1f5f8b;font-weight:bold;font-size:15px;margin-bottom:18px\">").Append(Html.Encode(organisationName)).Append("</div>");
        foreach (var paragraph in paragraphs)
        {
            html.Append("<p style=\"font-size:15px;line-height:1.5;margin:0 0 14px\">").Append(Html.Encode(paragraph)).Append("</p>");
        }

        html.Append("<p style=\"font-size:15px;line-height:1.5;margin:18px 0 0\">").Append(Html.Encode(signature)).Append("<br>")
            .Append(Html.Encode(organisationName));
        if (!string.IsNullOrWhiteSpace(contactPhone))
        {
            html.Append("<br>").Append(Html.Encode(contactPhone));
        }

        html.Append("</p></div></body></html>");
        return new RenderedEmail(subject, html.ToString(), text.ToString());
    }
}
