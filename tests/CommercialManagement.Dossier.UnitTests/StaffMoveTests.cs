using CommercialManagement.Dossier.Api.Domain;

namespace CommercialManagement.Dossier.UnitTests;

/// <summary>Every staff move from every column: the allowed ones move, the others are refused with a reason.</summary>
public sealed class StaffMoveTests
{
    /// <summary>Written out by hand (not read from the workflow's table) so that a wrong table fails here.</summary>
    private static readonly Dictionary<(DossierStatus, DossierTrigger), DossierStatus> Allowed = new()
    {
        [(DossierStatus.PaidInFull, DossierTrigger.MarkProcessed)] = DossierStatus.Processed,
        [(DossierStatus.Processed, DossierTrigger.UnmarkProcessed)] = DossierStatus.PaidInFull,
        [(DossierStatus.New, DossierTrigger.Archive)] = DossierStatus.Archived,
        [(DossierStatus.InProgress, DossierTrigger.Archive)] = DossierStatus.Archived,
        [(DossierStatus.AwaitingPayment, DossierTrigger.Archive)] = DossierStatus.Archived,
        [(DossierStatus.DepositPaid, DossierTrigger.Archive)] = DossierStatus.Archived,
        [(DossierStatus.PaidInFull, DossierTrigger.Archive)] = DossierStatus.Archived,
        [(DossierStatus.Processed, DossierTrigger.Archive)] = DossierStatus.Archived,
        [(DossierStatus.Archived, DossierTrigger.Restore)] = DossierStatus.New,
    };

    /// <summary>Every status and every staff move, by name (the domain's types are internal).</summary>
    public static TheoryData<string, string> EveryStaffMove()
    {
        var data = new TheoryData<string, string>();
        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            foreach (var trigger in DossierWorkflow.StaffTriggers)
            {
                data.Add(status.ToString(), trigger.ToString());
            }
        }

        return data;
    }

    [Theory]
    [MemberData(nameof(EveryStaffMove))]
    public void StaffMove_FromEveryColumn_MovesOrIsRefusedWithAReason(string fromName, string triggerName)
    {
        var from = Enum.Parse<DossierStatus>(fromName);
        var trigger = Enum.Parse<DossierTrigger>(triggerName);
        var dossier = Cases.In(from);

        var (history, refusal) = dossier.StaffMove(trigger, "Camille Roche", Cases.At(10));

        if (Allowed.TryGetValue((from, trigger), out var to))
        {
            Assert.Null(refusal);
            Assert.Equal(to, dossier.Status);
            var entry = Assert.Single(history);
            Assert.Equal((from, to, "Camille Roche"), (entry.From!.Value, entry.To!.Value, entry.Actor));
        }
        else
        {
            Assert.False(string.IsNullOrWhiteSpace(refusal));
            Assert.Equal(from, dossier.Status);
            Assert.Empty(history);
        }
    }

    [Theory]
    [InlineData("New")]
    [InlineData("InProgress")]
    [InlineData("AwaitingPayment")]
    [InlineData("DepositPaid")]
    [InlineData("PaidInFull")]
    [InlineData("Processed")]
    public void ArchiveThenRestore_PutsTheDossierBackWhereItWas(string columnName)
    {
        var column = Enum.Parse<DossierStatus>(columnName);
        var dossier = Cases.In(column);

        dossier.StaffMove(DossierTrigger.Archive, "Camille Roche", Cases.At(10));
        Assert.Equal(DossierStatus.Archived, dossier.Status);
        dossier.StaffMove(DossierTrigger.Restore, "Camille Roche", Cases.At(11));

        Assert.Equal(column, dossier.Status);
        Assert.Null(dossier.StatusBeforeArchive);
    }

    [Fact]
    public void MarkProcessed_BeforePaidInFull_SaysWhyInFrench()
    {
        var dossier = Cases.In(DossierStatus.DepositPaid);

        var (_, refusal) = dossier.StaffMove(DossierTrigger.MarkProcessed, "Camille Roche", Cases.At(10));

        Assert.Equal("Seul un dossier en « Paiement soldé » peut être marqué « Saisie dans le logiciel (Traité) » : celui-ci est en « Acompte versé ».", refusal);
    }

    [Fact]
    public void ProcessedBox_TickedThenUnticked_GoesBackToPaidInFull()
    {
        var dossier = Cases.In(DossierStatus.PaidInFull);

        dossier.StaffMove(DossierTrigger.MarkProcessed, "Camille Roche", Cases.At(10));
        Assert.Equal(DossierStatus.Processed, dossier.Status);
        dossier.StaffMove(DossierTrigger.UnmarkProcessed, "Camille Roche", Cases.At(11));

        Assert.Equal(DossierStatus.PaidInFull, dossier.Status);
    }
}
