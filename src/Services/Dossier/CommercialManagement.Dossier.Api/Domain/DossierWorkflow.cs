namespace CommercialManagement.Dossier.Api.Domain;

/// <summary>What can move a case: events of the case's life, and the moves staff make by hand.</summary>
internal enum DossierTrigger
{
    /// <summary>The quote got its first service (<c>QuoteChanged</c> with a line).</summary>
    ServicesAdded,

    /// <summary>An exchange with the customer: a staff message, the stay changed, the quote sent.</summary>
    CustomerExchange,

    QuoteAccepted,

    /// <summary>The accepted quote was voided before anything was paid (its stay changed).</summary>
    AcceptedQuoteVoided,

    /// <summary>Payments now cover part of the accepted total (a deposit, or a refund from paid in full).</summary>
    PartPaid,

    /// <summary>Payments now cover the whole accepted total.</summary>
    FullyPaid,

    /// <summary>Refunds brought the payments back to nothing.</summary>
    NothingPaid,

    /// <summary>Staff ticked « Saisie dans le logiciel (Traité) ».</summary>
    MarkProcessed,

    /// <summary>Staff unticked it.</summary>
    UnmarkProcessed,

    Archive,

    /// <summary>Back to where it was before it was archived.</summary>
    Restore,

    /// <summary>« Annuler le dossier » confirmed (<c>CaseCancelled</c>): archived for good with the outcome « Annulé ».</summary>
    Cancel,
}

/// <summary>One allowed move. <see cref="To"/> is null for a restore: the dossier goes back where it was.</summary>
internal sealed record DossierTransition(DossierStatus From, DossierTrigger Trigger, DossierStatus? To);

/// <summary>
/// The board's workflow as one table: every allowed move, nothing else. Events that find no move here change
/// nothing (a late or repeated event never moves a dossier backwards or twice); staff moves that find none are
/// refused with the reason from <see cref="RefusalFor"/>. docs/dossier-workflow.md is generated from this table.
/// </summary>
internal static class DossierWorkflow
{
    /// <summary>The board's columns, in order (a request is not on the board).</summary>
    public static readonly IReadOnlyList<DossierStatus> Columns =
    [
        DossierStatus.New, DossierStatus.InProgress, DossierStatus.AwaitingPayment, DossierStatus.DepositPaid,
        DossierStatus.PaidInFull, DossierStatus.Processed, DossierStatus.Archived,
    ];

    /// <summary>The moves staff make by hand; the others follow events.</summary>
    public static readonly IReadOnlySet<DossierTrigger> StaffTriggers = new HashSet<DossierTrigger>
    {
        DossierTrigger.MarkProcessed, DossierTrigger.UnmarkProcessed, DossierTrigger.Archive, DossierTrigger.Restore,
    };

    public static readonly IReadOnlyList<DossierTransition> Transitions =
    [
        new(DossierStatus.Request, DossierTrigger.ServicesAdded, DossierStatus.New),
        new(DossierStatus.New, DossierTrigger.CustomerExchange, DossierStatus.InProgress),
        new(DossierStatus.Request, DossierTrigger.QuoteAccepted, DossierStatus.AwaitingPayment),
        new(DossierStatus.New, DossierTrigger.QuoteAccepted, DossierStatus.AwaitingPayment),
        new(DossierStatus.InProgress, DossierTrigger.QuoteAccepted, DossierStatus.AwaitingPayment),
        new(DossierStatus.AwaitingPayment, DossierTrigger.AcceptedQuoteVoided, DossierStatus.InProgress),
        new(DossierStatus.AwaitingPayment, DossierTrigger.PartPaid, DossierStatus.DepositPaid),
        new(DossierStatus.AwaitingPayment, DossierTrigger.FullyPaid, DossierStatus.PaidInFull),
        new(DossierStatus.DepositPaid, DossierTrigger.FullyPaid, DossierStatus.PaidInFull),
        new(DossierStatus.DepositPaid, DossierTrigger.NothingPaid, DossierStatus.AwaitingPayment),
        new(DossierStatus.PaidInFull, DossierTrigger.PartPaid, DossierStatus.DepositPaid),
        new(DossierStatus.PaidInFull, DossierTrigger.NothingPaid, DossierStatus.AwaitingPayment),
        new(DossierStatus.Processed, DossierTrigger.PartPaid, DossierStatus.DepositPaid),
        new(DossierStatus.Processed, DossierTrigger.NothingPaid, DossierStatus.AwaitingPayment),
        new(DossierStatus.PaidInFull, DossierTrigger.MarkProcessed, DossierStatus.Processed),
        new(DossierStatus.Processed, DossierTrigger.UnmarkProcessed, DossierStatus.PaidInFull),
        new(DossierStatus.New, DossierTrigger.Archive, DossierStatus.Archived),
        new(DossierStatus.InProgress, DossierTrigger.Archive, DossierStatus.Archived),
        new(DossierStatus.AwaitingPayment, DossierTrigger.Archive, DossierStatus.Archived),
        new(DossierStatus.DepositPaid, DossierTrigger.Archive, DossierStatus.Archived),
        new(DossierStatus.PaidInFull, DossierTrigger.Archive, DossierStatus.Archived),
        new(DossierStatus.Processed, DossierTrigger.Archive, DossierStatus.Archived),
        new(DossierStatus.Archived, DossierTrigger.Restore, null),
        // A cancellation follows an acceptance, but its event may overtake the acceptance or the void of the quote: it
        // archives from wherever the dossier stands. An archived dossier only gets the outcome (see Dossier.Cancel).
        new(DossierStatus.Request, DossierTrigger.Cancel, DossierStatus.Archived),
        new(DossierStatus.New, DossierTrigger.Cancel, DossierStatus.Archived),
        new(DossierStatus.InProgress, DossierTrigger.Cancel, DossierStatus.Archived),
        new(DossierStatus.AwaitingPayment, DossierTrigger.Cancel, DossierStatus.Archived),
        new(DossierStatus.DepositPaid, DossierTrigger.Cancel, DossierStatus.Archived),
        new(DossierStatus.PaidInFull, DossierTrigger.Cancel, DossierStatus.Archived),
        new(DossierStatus.Processed, DossierTrigger.Cancel, DossierStatus.Archived),
    ];

    public static DossierTransition? Find(DossierStatus from, DossierTrigger trigger) =>
        Transitions.FirstOrDefault(t => t.From == from && t.Trigger == trigger);

    /// <summary>The column's name on the board.</summary>
    public static string Label(DossierStatus status) => status switch
    {
        DossierStatus.Request => "Demande",
        DossierStatus.New => "Nouveaux dossiers",
        DossierStatus.InProgress => "Dossiers en cours",
        DossierStatus.AwaitingPayment => "En attente de paiement",
        DossierStatus.DepositPaid => "Acompte versé",
        DossierStatus.PaidInFull => "Paiement soldé",
        DossierStatus.Processed => "Commande traitée",
        DossierStatus.Archived => "Archivé",
        _ => status.ToString(),
    };

    /// <summary>The outcome as the board and the dossier show it; empty when the case has none.</summary>
    public static string Label(DossierOutcome outcome) => outcome switch
    {
        DossierOutcome.Cancelled => "Annulé",
        _ => "",
    };

    /// <summary>Why staff may not move a cancelled dossier, in French for the UI: it stays archived for good.</summary>
    public static string RefusalForCancelled(DossierTrigger trigger) => trigger switch
    {
        DossierTrigger.Archive => "Ce dossier est annulé : il est déjà archivé.",
        DossierTrigger.Restore => "Ce dossier est annulé : il reste archivé et ne peut pas être restauré. Pour un nouveau séjour, ouvrez une nouvelle demande.",
        _ => "Ce dossier est annulé : il reste archivé et ne peut plus être déplacé.",
    };

    /// <summary>Why staff may not make this move from there, in French for the UI.</summary>
    public static string RefusalFor(DossierStatus from, DossierTrigger trigger) => (trigger, from) switch
    {
        (_, DossierStatus.Request) => "Cette demande n'a pas encore de prestation : elle n'est pas un dossier du tableau.",
        (DossierTrigger.MarkProcessed, DossierStatus.Processed) => "Ce dossier est déjà marqué « Saisie dans le logiciel (Traité) ».",
        (DossierTrigger.MarkProcessed, DossierStatus.Archived) => "Ce dossier est archivé : restaurez-le avant de le marquer traité.",
        (DossierTrigger.MarkProcessed, _) => $"Seul un dossier en « Paiement soldé » peut être marqué « Saisie dans le logiciel (Traité) » : celui-ci est en « {Label(from)} ».",
        (DossierTrigger.UnmarkProcessed, DossierStatus.Archived) => "Ce dossier est archivé : restaurez-le avant de décocher « Traité ».",
        (DossierTrigger.UnmarkProcessed, _) => $"Ce dossier n'est pas marqué traité : il est en « {Label(from)} ».",
        (DossierTrigger.Archive, DossierStatus.Archived) => "Ce dossier est déjà archivé.",
        (DossierTrigger.Restore, _) => $"Ce dossier n'est pas archivé : il est en « {Label(from)} ».",
        _ => $"Ce déplacement n'est pas possible depuis « {Label(from)} ».",
    };

    /// <summary>Why a dossier cannot be dropped in a column that follows events, in French.</summary>
    public static string NotByHand(DossierStatus column) => column switch
    {
        DossierStatus.New or DossierStatus.InProgress => $"« {Label(column)} » suit les échanges avec le client : un dossier n'y est pas déplacé à la main.",
        DossierStatus.AwaitingPayment => "« En attente de paiement » suit l'acceptation du devis par le client : un dossier n'y est pas déplacé à la main.",
        DossierStatus.DepositPaid or DossierStatus.PaidInFull => $"« {Label(column)} » suit les paiements reçus : un dossier n'y est pas déplacé à la main.",
        _ => $"Un dossier n'est pas déplacé à la main vers « {Label(column)} ».",
    };

    /// <summary>The workflow as a Mermaid state diagram, for the docs.</summary>
    public static string Mermaid()
    {
        var lines = new List<string> { "stateDiagram-v2", "    [*] --> Request : RequestReceived" };
        foreach (var transition in Transitions.Where(t => t.To is not null))
        {
            lines.Add($"    {transition.From} --> {transition.To} : {transition.Trigger}");
        }

        foreach (var column in Columns.Where(c => c != DossierStatus.Archived))
        {
            lines.Add($"    Archived --> {column} : Restore (where it was, unless cancelled)");
        }

        foreach (var status in Enum.GetValues<DossierStatus>())
        {
            lines.Add($"    {status} : {Label(status)}");
        }

        return string.Join('\n', lines) + '\n';
    }
}
