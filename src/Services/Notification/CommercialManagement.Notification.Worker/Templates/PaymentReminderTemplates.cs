using CommercialManagement.BuildingBlocks.Locale;
using CommercialManagement.Contracts.Payment;
using static CommercialManagement.Notification.Worker.Templates.PaymentEmailTemplates;
using static CommercialManagement.Notification.Worker.Templates.PaymentWords;

namespace CommercialManagement.Notification.Worker.Templates;

/// <summary>
/// « Rappel de paiement », the payment schedule's reminders (issue 17): before the due date (J-3), after it while unpaid
/// (J+1, J+7), and before the payment link expires; each with the amount, the date, what is paid already and « Payer ».
/// </summary>
internal static class PaymentReminderTemplates
{
    /// <param name="paymentLink">Null only when the case's token never arrived: that email is logged as failed, never sent.</param>
    public static RenderedEmail PaymentReminder(PaymentReminderDue reminder, PaymentEmailParties parties, string? paymentLink)
    {
        var english = parties.English;
        var amount = Euros.InText(reminder.AmountCents, english);
        var what = Kind(reminder.Kind, english) ?? (english ? "an instalment" : "une échéance");
        var noun = KindNoun(reminder.Kind, english) ?? (english ? "payment" : "règlement");
        var due = Day(reminder.DueOn, english);
        var until = DayAndTime(reminder.ExpiresAt, english);
        var overdue = reminder.Step is "FirstOverdue" or "SecondOverdue";
        var subject = (english, overdue) switch
        {
            (true, true) => $"Payment reminder: {noun} of {amount} overdue — {parties.OrganisationName}",
            (true, false) => $"Payment reminder: {noun} of {amount} — {parties.OrganisationName}",
            (false, true) => $"Rappel : {noun} de {amount} en attente de règlement — {parties.OrganisationName}",
            (false, false) => $"Rappel de paiement : {noun} de {amount} — {parties.OrganisationName}",
        };
        var when = (english, reminder.Step) switch
        {
            (true, "LinkExpiry") => $"Your payment link for {what} of your booking (quote {reminder.QuoteNumber}), {amount}, expires on {until} (Paris time).",
            (true, _) when overdue => $"Unless we are mistaken, {what} of your booking (quote {reminder.QuoteNumber}), {amount}, was due on {due} and has not reached us yet.",
            (true, _) => $"A reminder that {what} of your booking (quote {reminder.QuoteNumber}), {amount}, is due on {due}.",
            (false, "LinkExpiry") => $"Votre lien de paiement pour {what} de votre réservation (devis {reminder.QuoteNumber}), {amount}, expire le {until} (heure de Paris).",
            (false, _) when overdue => $"Sauf erreur de notre part, {what} de votre réservation (devis {reminder.QuoteNumber}), {amount}, était attendu pour le {due} et ne nous est pas encore parvenu.",
            _ => $"Nous vous rappelons que {what} de votre réservation (devis {reminder.QuoteNumber}), {amount}, est à régler au plus tard le {due}.",
        };
        var paid = Euros.InText(reminder.PaidCents, english);
        var total = Euros.InText(reminder.AcceptedTotalCents, english);
        string[] paragraphs = english
            ?
            [
                Hello(parties),
                when,
                $"Paid so far: {paid} of a total of {total} including VAT.",
                $"{(paymentLink is null ? "" : "The button below takes you to our secure payment page. ")}If you have paid in the meantime, please disregard this message.",
                "For any question, simply reply to this email.",
            ]
            :
            [
                Hello(parties),
                when,
                $"Déjà réglé : {paid} sur un total de {total} TTC.",
                $"{(paymentLink is null ? "" : "Le bouton ci-dessous vous mène à notre page de paiement sécurisée. ")}Si vous avez réglé entre-temps, merci de ne pas tenir compte de ce message.",
                "Pour toute question, répondez simplement à cet e-mail.",
            ];
        var link = paymentLink is null ? null : new EmailLink(english ? $"Pay {amount}" : $"Payer {amount}", paymentLink);
        return Render(subject, parties, paragraphs, link);
    }
}
