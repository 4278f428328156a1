using System.Globalization;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.Dossier.Api.Domain;
using CommercialManagement.Dossier.Api.Persistence;
using MassTransit;
using Microsoft.EntityFrameworkCore;

namespace CommercialManagement.Dossier.Api.Messaging.Consumers;

/// <summary>
/// What time did to the case's quote (issue 17), in the dossier's history: « Devis expiré », the validity extended, the
/// follow-up sent, a draft's places given back. The column does not move: an expired quote is extended or replaced by staff.
/// </summary>
internal sealed class QuoteValidityConsumer(DossierDbContext db) :
    IConsumer<QuoteExpired>,
    IConsumer<QuoteValidityExtended>,
    IConsumer<QuoteFollowUpDue>,
    IConsumer<QuoteDraftPlacesReleased>
{
    private const string SystemActor = "Système";

    public Task Consume(ConsumeContext<QuoteExpired> context)
    {
        var expired = context.Message;
        return RecordAsync(context, expired.RequestId, expired.OccurredAt, SystemActor,
            $"Devis expiré : le devis {expired.Number} était valable jusqu'au {Day(expired.ValidUntil)} ; ses places sont libérées" +
            (expired.EmailCustomer ? " et le client en est prévenu par e-mail" : ""));
    }

    public Task Consume(ConsumeContext<QuoteValidityExtended> context)
    {
        var extended = context.Message;
        return RecordAsync(context, extended.RequestId, extended.OccurredAt, extended.StaffName,
            extended.WasExpired
                ? $"Validité du devis {extended.Number} prolongée jusqu'au {Day(extended.ValidUntil)} : il était expiré, il est de nouveau acceptable et ses places sont de nouveau réservées"
                : $"Validité du devis {extended.Number} prolongée jusqu'au {Day(extended.ValidUntil)}");
    }

    public Task Consume(ConsumeContext<QuoteFollowUpDue> context)
    {
        var due = context.Message;
        return RecordAsync(context, due.RequestId, due.OccurredAt, SystemActor,
            $"Relance du devis {due.Number} envoyée au client (valable jusqu'au {Day(due.ValidUntil)}, ni consulté ni accepté)");
    }

    public Task Consume(ConsumeContext<QuoteDraftPlacesReleased> context)
    {
        var released = context.Message;
        return RecordAsync(context, released.RequestId, released.OccurredAt, SystemActor,
            $"Brouillon du devis {released.Number} non envoyé depuis {released.DraftHoldDays} jours : ses places sont libérées (elles seront de nouveau réservées à l'envoi, si elles sont encore disponibles)");
    }

    private static string Day(DateOnly day) => day.ToString("dd/MM/yyyy", CultureInfo.InvariantCulture);

    private async Task RecordAsync(ConsumeContext context, Guid caseId, DateTimeOffset at, string actor, string what)
    {
        var dossier = await db.Dossiers.SingleOrDefaultAsync(d => d.Id == caseId, context.CancellationToken)
            ?? throw new CaseNotOpenedYetException(caseId);
        db.History.Add(DossierHistoryEntry.For(dossier, at, actor, what));
        await db.SaveChangesAsync(context.CancellationToken);
    }
}
