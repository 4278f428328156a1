using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Dossier.Api.Domain;

namespace CommercialManagement.Dossier.UnitTests;

/// <summary>Dossiers brought to a given column by the events that lead there in real life.</summary>
internal static class Cases
{
    public static readonly DateTimeOffset Start = new(2026, 12, 1, 9, 0, 0, TimeSpan.Zero);
    public static readonly Guid Quote = Guid.NewGuid();
    public const long Total = 120_000;

    public static DateTimeOffset At(int minutes) => Start.AddMinutes(minutes);

    public static Api.Domain.Dossier Request() => Api.Domain.Dossier.OpenFrom(new RequestReceived
    {
        OrganisationId = Guid.NewGuid(),
        OccurredAt = Start,
        RequestId = Guid.NewGuid(),
        Channel = RequestChannel.WebForm,
        CustomerName = "Élodie Martin",
        CustomerEmail = "elodie@example.fr",
        Arrival = new DateOnly(2027, 2, 13),
        Departure = new DateOnly(2027, 2, 20),
        Adults = 2,
        ChildrenAges = [8, 5],
        Language = "fr",
    }, number: 42);

    public static Api.Domain.Dossier In(DossierStatus status)
    {
        var dossier = Request();
        if (status == DossierStatus.Request)
        {
            return dossier;
        }

        dossier.QuoteChanged(Quote, 1, Total, At(1));
        switch (status)
        {
            case DossierStatus.New:
                break;
            case DossierStatus.InProgress:
                dossier.StaffMessageSent("Lucas Girard", At(2));
                break;
            case DossierStatus.Archived:
                dossier.StaffMove(DossierTrigger.Archive, "Lucas Girard", At(2));
                break;
            default:
                dossier.QuoteAccepted(Quote, "OT-2026-0001", Total, "Customer", At(3));
                if (status is DossierStatus.DepositPaid or DossierStatus.PaidInFull or DossierStatus.Processed)
                {
                    Pay(dossier, status == DossierStatus.DepositPaid ? 36_000 : Total, At(4));
                }

                if (status == DossierStatus.Processed)
                {
                    dossier.StaffMove(DossierTrigger.MarkProcessed, "Lucas Girard", At(5));
                }

                break;
        }

        Assert.Equal(status, dossier.Status);
        return dossier;
    }

    public static List<DossierHistoryEntry> Pay(Api.Domain.Dossier dossier, long cents, DateTimeOffset at, Guid? id = null) =>
        dossier.PaymentRecorded(DossierPayment.Of(dossier, id ?? Guid.NewGuid(), cents, at), alreadyCounted: false);
}
