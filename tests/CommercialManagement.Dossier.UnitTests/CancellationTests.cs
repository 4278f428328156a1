using CommercialManagement.Contracts.Payment;
using CommercialManagement.Dossier.Api.Domain;

namespace CommercialManagement.Dossier.UnitTests;

/// <summary>« Annuler le dossier » (issue 16): archived for good with the outcome « Annulé », whatever arrives after.</summary>
public sealed class CancellationTests
{
    private static CaseCancelled Cancelled(Api.Domain.Dossier dossier, int minute = 20, string requestedBy = "Customer", string? overrideReason = null) => new()
    {
        OrganisationId = dossier.OrganisationId, OccurredAt = Cases.At(minute), RequestId = dossier.Id, QuoteId = Cases.Quote, QuoteNumber = "OT-2026-0001",
        RequestedBy = requestedBy, Reason = "Jambe cassée", DaysBeforeArrival = 40, RetainedCents = 30_000, RefundCents = 70_000,
        OverrideReason = overrideReason, StaffName = "Camille Roche", Language = "fr",
    };

    /// <summary>Every column a cancellation can find the dossier in (its event may overtake the acceptance or the quote's void).</summary>
    public static TheoryData<string> EveryColumn() => [.. Enum.GetValues<DossierStatus>().Where(s => s != DossierStatus.Archived).Select(s => s.ToString())];

    [Theory]
    [MemberData(nameof(EveryColumn))]
    public void Cancel_FromAnyColumn_ArchivesWithTheOutcomeAnnule_AndRemembersWhereItWas(string fromName)
    {
        var from = Enum.Parse<DossierStatus>(fromName);
        var dossier = Cases.In(from);

        var history = dossier.Cancel(Cancelled(dossier));

        Assert.Equal((DossierStatus.Archived, DossierOutcome.Cancelled), (dossier.Status, dossier.Outcome));
        Assert.Equal(from, dossier.StatusBeforeArchive);
        Assert.Equal((Cases.At(20), "Jambe cassée", "Customer"), (dossier.CancelledAt!.Value, dossier.CancellationReason!, dossier.CancellationRequestedBy!));
        var line = Assert.Single(history);
        Assert.Equal((from, DossierStatus.Archived, "Camille Roche"), (line.From!.Value, line.To!.Value, line.Actor));
        Assert.Equal("Dossier annulé à la demande du client : Jambe cassée — retenu 300,00 €, remboursé 700,00 €", line.What);
        Assert.Equal("Annulé", DossierWorkflow.Label(dossier.Outcome));
    }

    [Fact]
    public void Cancel_TheSameCancellationAgain_ChangesNothing()
    {
        var dossier = Cases.In(DossierStatus.DepositPaid);
        dossier.Cancel(Cancelled(dossier));
        var changedAt = dossier.StatusChangedAt;

        var again = dossier.Cancel(Cancelled(dossier, minute: 30, requestedBy: "Organisation"));

        Assert.Empty(again);
        Assert.Equal((DossierStatus.Archived, DossierStatus.DepositPaid, changedAt, "Customer"), (dossier.Status, dossier.StatusBeforeArchive!.Value, dossier.StatusChangedAt, dossier.CancellationRequestedBy!));
    }

    [Fact]
    public void Cancel_ADossierStaffArchived_KeepsItArchived_WithTheOutcome_AndTheOrganisationsWordsAndOverride()
    {
        var dossier = Cases.In(DossierStatus.AwaitingPayment);
        dossier.StaffMove(DossierTrigger.Archive, "Lucas Girard", Cases.At(10));

        var line = Assert.Single(dossier.Cancel(Cancelled(dossier, requestedBy: "Organisation", overrideReason: "Geste commercial")));

        Assert.Equal((DossierStatus.Archived, DossierOutcome.Cancelled), (dossier.Status, dossier.Outcome));
        Assert.Null(line.To);
        Assert.StartsWith("Dossier annulé à la demande de l'organisation : Jambe cassée", line.What, StringComparison.Ordinal);
        Assert.EndsWith("(montants fixés à la main : Geste commercial)", line.What, StringComparison.Ordinal);
    }

    [Fact]
    public void LaterRefundsPaymentsAndTheQuotesVoid_AreToldButNeverMoveACancelledDossier()
    {
        var dossier = Cases.In(DossierStatus.PaidInFull);
        dossier.Cancel(Cancelled(dossier));

        var refund = Cases.Pay(dossier, -70_000, Cases.At(21));
        var payment = Cases.Pay(dossier, 5_000, Cases.At(22));
        var voided = dossier.QuoteVoided(Cases.Quote, "Dossier annulé : Jambe cassée", Cases.At(23));
        var exchange = dossier.StaffMessageSent("Camille Roche", Cases.At(24));

        Assert.Equal((DossierStatus.Archived, DossierStatus.PaidInFull), (dossier.Status, dossier.StatusBeforeArchive!.Value));
        Assert.All([.. refund, .. payment, .. voided, .. exchange], h => Assert.Null(h.To));
        Assert.StartsWith("Remboursement : 700,00", Assert.Single(refund).What, StringComparison.Ordinal);
        Assert.Equal(Cases.Total - 70_000 + 5_000, dossier.PaidCents);
        Assert.Equal(Cases.Total, dossier.AcceptedTotalCents);
    }

    [Fact]
    public void TheQuotesVoidBeforeTheCancellation_ThenTheCancellation_ArchivesItAnnule()
    {
        var dossier = Cases.In(DossierStatus.AwaitingPayment);

        dossier.QuoteVoided(Cases.Quote, "Dossier annulé : Jambe cassée", Cases.At(19));
        Assert.Equal(DossierStatus.InProgress, dossier.Status);
        dossier.Cancel(Cancelled(dossier));

        Assert.Equal((DossierStatus.Archived, DossierOutcome.Cancelled), (dossier.Status, dossier.Outcome));
    }

    [Theory]
    [InlineData("Restore")]
    [InlineData("Archive")]
    [InlineData("MarkProcessed")]
    [InlineData("UnmarkProcessed")]
    public void StaffMoves_OnACancelledDossier_AreRefusedInFrench(string triggerName)
    {
        var dossier = Cases.In(DossierStatus.Processed);
        dossier.Cancel(Cancelled(dossier));

        var (history, refusal) = dossier.StaffMove(Enum.Parse<DossierTrigger>(triggerName), "Camille Roche", Cases.At(30));

        Assert.Empty(history);
        Assert.StartsWith("Ce dossier est annulé", refusal, StringComparison.Ordinal);
        Assert.Equal(DossierStatus.Archived, dossier.Status);
    }

    [Fact]
    public void ChangeStay_OnACancelledDossier_IsRefused()
    {
        var dossier = Cases.In(DossierStatus.InProgress);
        dossier.Cancel(Cancelled(dossier));

        var change = dossier.ChangeStay(new(2027, 3, 6), new(2027, 3, 13), 2, [], confirmed: true, "Camille Roche", Cases.At(30));

        Assert.StartsWith("Ce dossier est annulé", change.Refusal, StringComparison.Ordinal);
        Assert.Equal(new DateOnly(2027, 2, 13), dossier.Arrival);
    }
}
