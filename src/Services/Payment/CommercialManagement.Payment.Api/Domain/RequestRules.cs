using CommercialManagement.BuildingBlocks.Locale;

namespace CommercialManagement.Payment.Api.Domain;

/// <summary>What one of the three buttons would ask now: the amount, or why it cannot be asked (in French, for staff).</summary>
internal sealed record RequestOption(PaymentKind Kind, long AmountCents, string? Refusal)
{
    public bool Allowed => Refusal is null;
}

/// <summary>
/// Which payment requests staff may send: the deposit or the whole while nothing is paid, the balance once something is paid
/// and something remains; never on a voided quote; one open request per kind; what is paid and what is asked never above the total.
/// </summary>
internal static class RequestRules
{
    public static readonly PaymentKind[] Kinds = [PaymentKind.Deposit, PaymentKind.Balance, PaymentKind.Full];

    public static IReadOnlyList<RequestOption> Options(
        PaymentCase account, long depositCents, long paidCents, IReadOnlyCollection<PaymentRequest> requests, DateTimeOffset now) =>
        [.. Kinds.Select(kind => Option(kind, account, depositCents, paidCents, requests, now))];

    public static RequestOption Option(
        PaymentKind kind, PaymentCase account, long depositCents, long paidCents, IReadOnlyCollection<PaymentRequest> requests, DateTimeOffset now)
    {
        var total = account.AcceptedTotalCents;
        var remaining = Math.Max(total - paidCents, 0);
        var amount = kind == PaymentKind.Deposit ? Math.Min(depositCents, remaining) : remaining;
        var open = requests.Where(r => r.QuoteId == account.AcceptedQuoteId && r.IsPayableAt(now)).ToList();
        var refusal = Refusal(kind, account, amount, paidCents, remaining, open);
        if (refusal is null && paidCents + open.Sum(r => r.AmountCents) + amount > total)
        {
            refusal = $"Les demandes en attente ({Euros.Format(open.Sum(r => r.AmountCents))}) et ce qui est déjà payé ({Euros.Format(paidCents)}) "
                + $"dépasseraient le total accepté ({Euros.Format(total)}) : annulez d'abord une demande en attente.";
        }

        return new RequestOption(kind, amount, refusal);
    }

    private static string? Refusal(PaymentKind kind, PaymentCase account, long amount, long paidCents, long remaining, List<PaymentRequest> open)
    {
        if (account.AcceptedQuoteId is null)
        {
            return "Ce dossier n'a pas de devis accepté : aucune demande de paiement ne peut être envoyée.";
        }

        if (account.IsCancelled)
        {
            return "Le dossier est annulé : aucune demande de paiement ne peut être envoyée.";
        }

        if (account.AcceptedQuoteVoided)
        {
            return $"Le devis {account.QuoteNumber} est annulé : aucune demande de paiement ne peut être envoyée.";
        }

        if (paidCents > account.AcceptedTotalCents)
        {
            return $"Le dossier a reçu {Euros.Format(paidCents - account.AcceptedTotalCents)} de plus que le total accepté ({Euros.Format(account.AcceptedTotalCents)}) : "
                + "il n'y a plus rien à demander, le trop-perçu est à rembourser.";
        }

        if (remaining == 0)
        {
            return "Le dossier est soldé : il n'y a plus rien à demander.";
        }

        if (open.FirstOrDefault(r => r.Kind == kind) is { } pending)
        {
            return $"Une demande {Of(kind)} est déjà en attente ({Euros.Format(pending.AmountCents)}) : annulez-la pour en envoyer une nouvelle.";
        }

        return kind switch
        {
            PaymentKind.Deposit when paidCents > 0 => "Un paiement a déjà été reçu : demandez le solde.",
            PaymentKind.Full when paidCents > 0 => "Un paiement a déjà été reçu : demandez le solde plutôt que la totalité.",
            PaymentKind.Balance when paidCents == 0 => "Rien n'a encore été payé : demandez d'abord l'acompte, ou la totalité.",
            _ when amount <= 0 => "Le montant à demander est nul.",
            _ => null,
        };
    }

    /// <summary>« d'acompte », « de solde », « de totalité »: the kind after « une demande ».</summary>
    public static string Of(PaymentKind kind) => kind switch
    {
        PaymentKind.Deposit => "d'acompte",
        PaymentKind.Balance => "de solde",
        _ => "de la totalité",
    };

    public static string Label(this PaymentRequestStatus status, bool expired) => status switch
    {
        PaymentRequestStatus.Open when expired => "Expirée",
        PaymentRequestStatus.Open => "En attente",
        PaymentRequestStatus.Paid => "Payée",
        _ => "Annulée",
    };
}
