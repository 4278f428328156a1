using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using static CommercialManagement.Notification.Worker.Templates.PaymentWords;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>Who a payment email is from and to: the customer as the case knows them, the organisation that signs.</summary>
internal sealed record PaymentEmailParties(string? CustomerName, bool English, string OrganisationName, string? ContactEmail, string? ContactPhone);

/// <summary>
/// The payment emails to the customer (a request to pay, a receipt, a refund notice), in the customer's language; their
/// greeting, link and signature serve the other notices to a case's customer too.
/// </summary>
internal static class PaymentEmailTemplates
{
    /// <summary>« Demande de paiement »: what to pay, for which quote, what is paid already, until when, and « Payer ».</summary>
    /// <param name="paymentLink">Null only when the case's token never arrived: that email is logged as failed, never sent.</param>
    public static RenderedEmail PaymentRequested(PaymentRequested request, PaymentEmailParties parties, string? paymentLink)
    {
        var english = parties.English;
        var amount = Euros.InText(request.AmountCents, english);
        var what = Kind(request.Kind, english);
        var subject = english
            ? $"Payment request: {KindNoun(request.Kind, english) ?? "payment"} of {amount} — {parties.OrganisationName}"
            : $"Demande de paiement : {KindNoun(request.Kind, english) ?? "règlement"} de {amount} — {parties.OrganisationName}";
        var paid = Euros.InText(request.PaidCents, english);
        var total = Euros.InText(request.AcceptedTotalCents, english);
        var until = DayAndTime(request.ExpiresAt, english);
        string[] paragraphs = english
            ?
            [
                Hello(parties),
                $"We invite you to pay {what ?? "an instalment"} of your booking (quote {request.QuoteNumber}): {amount}.",
                $"Paid so far: {paid} of a total of {total} including VAT.",
                $"{(paymentLink is null ? "" : "The button below takes you to our secure payment page. ")}This payment link is valid until {until} (Paris time).",
                "For any question, simply reply to this email.",
            ]
            :
            [
                Hello(parties),
                $"Nous vous invitons à régler {what ?? "une échéance"} de votre réservation (devis {request.QuoteNumber}) : {amount}.",
                $"Déjà réglé : {paid} sur un total de {total} TTC.",
                $"{(paymentLink is null ? "" : "Le bouton ci-dessous vous mène à notre page de paiement sécurisée. ")}Ce lien de paiement est valable jusqu'au {until} (heure de Paris).",
                "Pour toute question, répondez simplement à cet e-mail.",
            ];
        var link = paymentLink is null ? null : new EmailLink(english ? $"Pay {amount}" : $"Payer {amount}", paymentLink);
        return Render(subject, parties, paragraphs, link);
    }

    /// <summary>« Reçu de paiement »: the amount, how and when, then what is paid so far and what remains when the event says.</summary>
    public static RenderedEmail PaymentReceived(PaymentReceived payment, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var amount = Euros.InText(payment.AmountCents, english);
        var kind = KindNoun(payment.Kind, english);
        var method = Method(payment.Method, english);
        var subject = english
            ? $"Payment receipt: {amount} — {parties.OrganisationName}"
            : $"Reçu de paiement : {amount} — {parties.OrganisationName}";
        // The day the money came in (a cheque typed in days later keeps its own), else the day it was recorded.
        var day = payment.ReceivedOn is { } received ? Day(received, english) : Day(payment.OccurredAt, english);
        List<string> details = english
            ? [$"Amount: {amount}{(kind is null ? "" : $" ({kind})")}", $"Date: {day}"]
            : [$"Montant : {amount}{(kind is null ? "" : $" ({kind})")}", $"Date : {day}"];
        if (method is not null)
        {
            details.Add(english ? $"Payment method: {method}" : $"Moyen de paiement : {method}");
        }

        List<string> paragraphs =
        [
            Hello(parties),
            english ? "We have received your payment, thank you." : "Nous avons bien reçu votre paiement, merci.",
            string.Join('\n', details),
        ];
        if (payment.PaidCents is { } paidCents && payment.AcceptedTotalCents is { } totalCents)
        {
            var paid = Euros.InText(paidCents, english);
            var total = Euros.InText(totalCents, english);
            var remaining = Math.Max(totalCents - paidCents, 0);
            paragraphs.Add((english, remaining == 0) switch
            {
                (true, true) => $"Paid so far: {paid} of {total} including VAT. Your booking is fully paid.",
                (true, false) => $"Paid so far: {paid} of {total} including VAT.\nRemaining: {Euros.InText(remaining, english)}",
                (false, true) => $"Réglé à ce jour : {paid} sur {total} TTC. Votre réservation est entièrement réglée.",
                (false, false) => $"Réglé à ce jour : {paid} sur {total} TTC.\nReste à régler : {Euros.InText(remaining, english)}",
            });
        }

        paragraphs.Add(english ? "This email is your receipt; please keep it." : "Cet e-mail vaut reçu ; conservez-le.");
        return Render(subject, parties, paragraphs, SpaceLink(customerSpaceLink, english));
    }

    /// <summary>« Remboursement »: how much was refunded and when; the bank's delay is the bank's.</summary>
    public static RenderedEmail PaymentRefunded(PaymentRefunded refund, PaymentEmailParties parties, string? customerSpaceLink)
    {
        var english = parties.English;
        var amount = Euros.InText(refund.AmountCents, english);
        var subject = english
            ? $"Refund of {amount} — {parties.OrganisationName}"
            : $"Remboursement de {amount} — {parties.OrganisationName}";
        string[] paragraphs = english
            ?
            [
                Hello(parties),
                $"We confirm a refund of {amount}, made on {Day(refund.OccurredAt, english)} to the means of payment you used.",
                "It reaches your account within your bank's usual time, generally a few days.",
                "For any question, simply reply to this email.",
            ]
            :
            [
                Hello(parties),
                $"Nous vous confirmons un remboursement de {amount}, effectué le {Day(refund.OccurredAt, english)} sur le moyen de paiement utilisé.",
                "Il apparaîtra sur votre compte dans les délais habituels de votre banque, généralement quelques jours.",
                "Pour toute question, répondez simplement à cet e-mail.",
            ];
        return Render(subject, parties, paragraphs, SpaceLink(customerSpaceLink, english));
    }

    internal static string Hello(PaymentEmailParties parties) => (parties.English, string.IsNullOrWhiteSpace(parties.CustomerName)) switch
    {
        (true, true) => "Hello,",
        (true, false) => $"Hello {parties.CustomerName!.Trim()},",
        (false, true) => "Bonjour,",
        (false, false) => $"Bonjour {parties.CustomerName!.Trim()},",
    };

    internal static EmailLink? SpaceLink(string? customerSpaceLink, bool english) => customerSpaceLink is null
        ? null
        : new EmailLink(english ? "Open your customer space" : "Ouvrir votre espace client", customerSpaceLink);

    internal static RenderedEmail Render(string subject, PaymentEmailParties parties, IReadOnlyList<string> paragraphs, EmailLink? link) =>
        EmailLayout.Render(new EmailContent(
            EmailLayout.OneLine(subject), parties.English, parties.OrganisationName, paragraphs, link,
            [parties.English ? "Kind regards," : "Bien cordialement,", parties.OrganisationName, parties.ContactPhone ?? "", parties.ContactEmail ?? ""]));
}
