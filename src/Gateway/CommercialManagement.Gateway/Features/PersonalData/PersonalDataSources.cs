using System.IO.Compression;
using System.Net.Http.Json;
using System.Security.Claims;
using System.Text;
using System.Text.Json;
using CommercialManagement.BuildingBlocks.PersonalData;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;

namespace CommercialManagement.Gateway.Features.PersonalData;

/// <summary>One service's answer about an address: what it holds, or null when it did not answer.</summary>
internal sealed record ServiceHoldings(string Service, string Label, PersonalDataExport? Export)
{
    public bool Answered => Export is not null;

    public int RowCount => Export?.Tables.Values.Sum(rows => rows.Count) ?? 0;
}

/// <summary>
/// Asks every service what it holds about an email address (its Admin-only <c>personal-data</c> route, as the Admin
/// who asks), and makes of the answers the one archive of an access request: a JSON file per service, the files they
/// list (original emails, attachments, quotes' and invoices' PDFs) beside them, and a « LISEZMOI.txt » saying what is
/// where. Also gives an erasure the cases found (Payment finds a customer only by its cases).
/// </summary>
internal sealed class PersonalDataSources(IHttpClientFactory httpClients, StaffTokenIssuer issuer, TimeProvider timeProvider)
{
    /// <summary>The services asked, with their French label; Notification is called directly (no public route forwards to it).</summary>
    public static readonly IReadOnlyList<(string Service, string Resource, string Path, string Label)> Services =
    [
        ("inbox", ResourceNames.InboxApi, "/api/requests/personal-data", "Demandes et conversations"),
        ("dossier", ResourceNames.DossierApi, "/api/dossiers/personal-data", "Dossiers"),
        ("quote", ResourceNames.QuoteApi, "/api/quotes/personal-data", "Devis"),
        ("payment", ResourceNames.PaymentApi, "/api/payments/personal-data", "Paiements et factures"),
        ("notification", ResourceNames.NotificationWorker, "/api/notifications/personal-data", "E-mails envoyés"),
    ];

    private static readonly JsonSerializerOptions Indented = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public async Task<IReadOnlyList<ServiceHoldings>> SearchAsync(ClaimsPrincipal admin, string email, CancellationToken cancellationToken)
    {
        var answers = Services.Select(async s => new ServiceHoldings(s.Service, s.Label, await AskAsync(admin, s.Resource, s.Path, email, cancellationToken)));
        return await Task.WhenAll(answers);
    }

    /// <summary>Every case found for the address by the services that know cases by email, for the erasure to name.</summary>
    public static IReadOnlyList<Guid> CasesOf(IEnumerable<ServiceHoldings> holdings) =>
        [.. holdings.SelectMany(h => h.Export?.CaseIds ?? []).Distinct()];

    /// <summary>The archive, or null when a service did not answer (an incomplete archive would mislead the customer).</summary>
    public async Task<byte[]?> ArchiveAsync(ClaimsPrincipal admin, string email, CancellationToken cancellationToken)
    {
        var holdings = await SearchAsync(admin, email, cancellationToken);
        if (holdings.Any(h => !h.Answered))
        {
            return null;
        }

        var readme = new StringBuilder()
            .AppendLine($"Données personnelles de {email}, exportées le {Components.FrenchFormat.DateTime(timeProvider.GetUtcNow())}.")
            .AppendLine()
            .AppendLine("Un fichier JSON par service, chaque table avec ses lignes telles qu'elles sont enregistrées :");
        using var buffer = new MemoryStream();
        using (var zip = new ZipArchive(buffer, ZipArchiveMode.Create, leaveOpen: true))
        {
            foreach (var holding in holdings)
            {
                var export = holding.Export!;
                await WriteAsync(zip, $"{holding.Service}.json", JsonSerializer.SerializeToUtf8Bytes(export, Indented), cancellationToken);
                readme.AppendLine($"- {holding.Service}.json : {holding.Label} ({string.Join(", ", export.Tables.Select(t => $"{t.Key} {t.Value.Count}"))})");
                var client = Client(admin, Services.Single(s => s.Service == holding.Service).Resource);
                foreach (var file in export.Files)
                {
                    var path = $"{holding.Service}/{Safe(file.Name)}";
                    using var response = await client.GetAsync(file.Url, cancellationToken);
                    if (response.IsSuccessStatusCode)
                    {
                        await WriteAsync(zip, path, await response.Content.ReadAsByteArrayAsync(cancellationToken), cancellationToken);
                        readme.AppendLine($"  {path}");
                    }
                    else
                    {
                        readme.AppendLine($"  {path} : non disponible ({(int)response.StatusCode})");
                    }
                }
            }

            await WriteAsync(zip, "LISEZMOI.txt", Encoding.UTF8.GetBytes(readme.ToString()), cancellationToken);
        }

        return buffer.ToArray();
    }

    private async Task<PersonalDataExport?> AskAsync(ClaimsPrincipal admin, string resource, string path, string email, CancellationToken cancellationToken)
    {
        try
        {
            using var response = await Client(admin, resource).GetAsync($"{path}?email={Uri.EscapeDataString(email)}", cancellationToken);
            return response.IsSuccessStatusCode ? await response.Content.ReadFromJsonAsync<PersonalDataExport>(cancellationToken) : null;
        }
        catch (Exception e) when (e is HttpRequestException or JsonException or NotSupportedException || (e is TaskCanceledException && !cancellationToken.IsCancellationRequested))
        {
            // Down, timed out, or an answer that is not an export: the service did not answer.
            return null;
        }
    }

    private HttpClient Client(ClaimsPrincipal admin, string resource)
    {
        var client = httpClients.CreateClient(resource);
        client.BaseAddress = new Uri($"http://{resource}");
        client.DefaultRequestHeaders.Authorization = new("Bearer", issuer.Issue(admin, StaffTokenOptions.ServicesAudience, StaffTokenOptions.ServiceTokenLifetime));
        return client;
    }

    private static async Task WriteAsync(ZipArchive zip, string path, byte[] content, CancellationToken cancellationToken)
    {
        await using var entry = zip.CreateEntry(path, CompressionLevel.Optimal).Open();
        await entry.WriteAsync(content, cancellationToken);
    }

    /// <summary>A file name as a customer's email gave it: no folders, nothing an unzipper could take for a path.</summary>
    private static string Safe(string name) =>
        string.Join('/', name.Split('/').Select(part => string.Concat(part.Select(c => Path.GetInvalidFileNameChars().Contains(c) || c == '\\' ? '_' : c)).Trim('.', ' ')).Where(p => p.Length > 0));
}
