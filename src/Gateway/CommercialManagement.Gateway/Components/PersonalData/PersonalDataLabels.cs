namespace CommercialManagement.Gateway.Components.PersonalData;

/// <summary>The French words of the « Données personnelles » tab for the services' and tables' names of the archive.</summary>
internal static class PersonalDataLabels
{
    private static readonly Dictionary<string, string> Tables = new()
    {
        ["requests"] = "demandes",
        ["messages"] = "messages",
        ["message_attachments"] = "pièces jointes",
        ["inbound_emails"] = "e-mails reçus",
        ["email_thread_links"] = "fils d'e-mails",
        ["dossiers"] = "dossiers",
        ["dossier_history"] = "lignes d'historique",
        ["dossier_payments"] = "paiements suivis",
        ["cases"] = "fiches client",
        ["quotes"] = "devis",
        ["quote_lines"] = "lignes de devis",
        ["quote_versions"] = "versions envoyées",
        ["invoices"] = "factures et avoirs",
        ["payments"] = "paiements",
        ["payment_requests"] = "demandes de paiement",
        ["refunds"] = "remboursements",
        ["refund_orders"] = "ordres de remboursement",
        ["stripe_events"] = "événements du prestataire de paiement",
        ["sandbox_sessions"] = "sessions de paiement d'essai",
        ["emails"] = "e-mails envoyés",
        ["email_attachments"] = "pièces jointes envoyées",
    };

    private static readonly Dictionary<string, string> Services = new()
    {
        ["inbox"] = "Demandes et conversations",
        ["dossier"] = "Dossiers",
        ["quote"] = "Devis",
        ["payment"] = "Paiements et factures",
        ["notification"] = "E-mails envoyés",
        ["gateway"] = "Alertes du back office",
    };

    public static string Table(string table) => Tables.GetValueOrDefault(table, table);

    public static string Service(string service) => Services.GetValueOrDefault(service, service);

    /// <summary>« demandes : 2, messages : 5 », or « rien » when the service holds nothing.</summary>
    public static string Holdings(IReadOnlyDictionary<string, int> rows)
    {
        var held = rows.Where(r => r.Value > 0).Select(r => $"{Table(r.Key)} : {FrenchFormat.Count(r.Value)}").ToList();
        return held.Count == 0 ? "rien" : string.Join(", ", held);
    }
}
