using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>
/// « Annuler le dossier » (issue 16) through the service: <c>CaseCancelled</c> archives the dossier with the outcome
/// « Annulé », once; what arrives after never moves it and staff cannot restore it. Each test has its own organisation,
/// so the board and the export show its dossier alone.
/// </summary>
public sealed class CancellationTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);
    private const string HistoryLine = "Dossier annulé à la demande du client : Jambe cassée — retenu 300,00 €, remboursé 60,00 €";

    private Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    private static async Task<JsonElement> DossierAsync(HttpClient staff, Guid id) => await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");

    private static async Task<JsonElement> WaitForAsync(HttpClient staff, Guid id, Func<JsonElement, bool> condition)
    {
        JsonElement dossier = default;
        var reached = await Eventually.TrueAsync(async () =>
        {
            var response = await staff.GetAsync($"/api/dossiers/{id}");
            if (response.StatusCode != HttpStatusCode.OK)
            {
                return false;
            }

            dossier = await response.Content.ReadFromJsonAsync<JsonElement>();
            return condition(dossier);
        }, TimeSpan.FromSeconds(30));
        Assert.True(reached, $"The dossier did not reach the expected state; last seen: {dossier}");
        return dossier;
    }

    private static List<string> History(JsonElement dossier) =>
        [.. dossier.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()!)];

    /// <summary>A dossier of a new organisation, accepted and with a deposit of 360,00 € paid: « Acompte versé ».</summary>
    private async Task<(Guid Organisation, Guid Case, Guid Quote, Guid Deposit, HttpClient Staff)> DepositPaidAsync()
    {
        var organisation = Guid.NewGuid();
        var staff = factory.CreateStaffClient(organisation);
        var id = Guid.CreateVersion7();
        var quote = Guid.NewGuid();
        var deposit = Guid.NewGuid();
        await PublishAsync(RequestReceivedTests.Received(id, organisation));
        await PublishAsync(new QuoteChanged { OrganisationId = organisation, OccurredAt = T0.AddMinutes(1), RequestId = id, QuoteId = quote, LineCount = 1, TotalCents = 120_000 });
        await WaitForAsync(staff, id, d => d.GetProperty("status").GetString() == "New");
        await PublishAsync(new QuoteAccepted
        {
            OrganisationId = organisation, OccurredAt = T0.AddMinutes(3), RequestId = id, QuoteId = quote, Number = "OT-2026-0042", TotalCents = 120_000, AcceptedBy = "Customer",
        });
        await PublishAsync(new PaymentReceived
        {
            OrganisationId = organisation, OccurredAt = T0.AddMinutes(4), RequestId = id, QuoteId = quote, PaymentId = deposit, AmountCents = 36_000, Kind = "Deposit",
        });
        await WaitForAsync(staff, id, d => d.GetProperty("status").GetString() == "DepositPaid");
        return (organisation, id, quote, deposit, staff);
    }

    private static CaseCancelled Cancelled(Guid organisation, Guid id, Guid quote) => new()
    {
        OrganisationId = organisation, OccurredAt = T0.AddMinutes(10), RequestId = id, QuoteId = quote, QuoteNumber = "OT-2026-0042", RequestedBy = "Customer",
        Reason = "Jambe cassée", DaysBeforeArrival = 40, RetainedCents = 30_000, RefundCents = 6_000, StaffName = "Camille Roche", Language = "fr",
    };

    [Fact]
    public async Task CaseCancelled_ArchivesWithTheOutcomeAnnule_OnThePageTheBoardAndTheExport()
    {
        var (organisation, id, quote, _, staff) = await DepositPaidAsync();

        await PublishAsync(Cancelled(organisation, id, quote));

        var dossier = await WaitForAsync(staff, id, d => d.GetProperty("outcome").GetString() == "Cancelled");
        Assert.Equal(("Archived", "Archivé", "Annulé"), (dossier.GetProperty("status").GetString(), dossier.GetProperty("column").GetString(), dossier.GetProperty("outcomeLabel").GetString()));
        Assert.Equal(("Jambe cassée", "Customer"), (dossier.GetProperty("cancellationReason").GetString(), dossier.GetProperty("cancellationRequestedBy").GetString()));
        var line = dossier.GetProperty("history").EnumerateArray().Last();
        Assert.Equal((HistoryLine, "Camille Roche", "DepositPaid", "Archived"),
            (line.GetProperty("what").GetString(), line.GetProperty("actor").GetString(), line.GetProperty("from").GetString(), line.GetProperty("to").GetString()));

        var board = await staff.GetFromJsonAsync<JsonElement>("/api/dossiers/board");
        var archived = board.GetProperty("columns").EnumerateArray().Single(c => c.GetProperty("status").GetString() == "Archived");
        var card = Assert.Single(archived.GetProperty("cards").EnumerateArray());
        Assert.Equal((1, id, "Cancelled", "Annulé"), (archived.GetProperty("count").GetInt32(), card.GetProperty("id").GetGuid(), card.GetProperty("outcome").GetString(), card.GetProperty("outcomeLabel").GetString()));
        Assert.All(board.GetProperty("columns").EnumerateArray().Where(c => c.GetProperty("status").GetString() != "Archived"), c => Assert.Equal(0, c.GetProperty("count").GetInt32()));

        var csv = Encoding.UTF8.GetString((await staff.GetByteArrayAsync("/api/dossiers/board.csv"))[3..]).Split("\r\n", StringSplitOptions.RemoveEmptyEntries);
        Assert.StartsWith("Référence;Colonne;Issue;Client;", csv[0], StringComparison.Ordinal);
        Assert.Contains(";Archivé;Annulé;Élodie Martin;", Assert.Single(csv[1..]), StringComparison.Ordinal);
    }

    [Fact]
    public async Task CaseCancelled_RedeliveredAndRepublished_ArchivesOnce_WithOneHistoryLine()
    {
        var (organisation, id, quote, _, staff) = await DepositPaidAsync();
        var cancelled = Cancelled(organisation, id, quote);
        Guid[] messageIds = [Guid.NewGuid(), Guid.NewGuid(), Guid.NewGuid()];

        // Redelivered with the same id, then republished twice as new messages (the second with other words).
        await PublishAsync(cancelled, messageIds[0]);
        await PublishAsync(cancelled, messageIds[0]);
        await PublishAsync(cancelled, messageIds[1]);
        await PublishAsync(cancelled with { OccurredAt = T0.AddMinutes(12), RequestedBy = "Organisation", Reason = "Autre" }, messageIds[2]);

        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM inbox_messages WHERE message_id = ANY(@p0)", messageIds) == 3, TimeSpan.FromSeconds(30)),
            "The cancellations were not all consumed.");
        var dossier = await DossierAsync(staff, id);
        Assert.Single(History(dossier), h => h.StartsWith("Dossier annulé", StringComparison.Ordinal));
        Assert.Equal(HistoryLine, History(dossier).Single(h => h.StartsWith("Dossier annulé", StringComparison.Ordinal)));
        Assert.Equal(("Jambe cassée", "Customer"), (dossier.GetProperty("cancellationReason").GetString(), dossier.GetProperty("cancellationRequestedBy").GetString()));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossier_history WHERE \"DossierId\" = @p0 AND \"To\" = 'Archived'", id));
    }

    [Fact]
    public async Task LaterRefundPaymentAndQuoteVoided_AreToldInTheHistory_ButTheDossierStaysArchivedAnnule()
    {
        var (organisation, id, quote, deposit, staff) = await DepositPaidAsync();
        await PublishAsync(Cancelled(organisation, id, quote));
        await WaitForAsync(staff, id, d => d.GetProperty("outcome").GetString() == "Cancelled");

        await PublishAsync(new QuoteVoided { OrganisationId = organisation, OccurredAt = T0.AddMinutes(11), RequestId = id, QuoteId = quote, Reason = "Dossier annulé : Jambe cassée" });
        await PublishAsync(new PaymentRefunded { OrganisationId = organisation, OccurredAt = T0.AddMinutes(12), RequestId = id, PaymentId = deposit, RefundId = Guid.NewGuid(), AmountCents = 6_000 });
        // A late transfer for the whole balance: it would have made it « Paiement soldé ».
        await PublishAsync(new PaymentReceived
        {
            OrganisationId = organisation, OccurredAt = T0.AddMinutes(13), RequestId = id, QuoteId = quote, PaymentId = Guid.NewGuid(), AmountCents = 90_000, Kind = "Balance",
        });

        var dossier = await WaitForAsync(staff, id, d =>
            History(d).Contains("Remboursement : 60,00 €") && History(d).Contains("Paiement reçu : 900,00 €") && History(d).Contains("Devis caduc : Dossier annulé : Jambe cassée"));
        Assert.Equal(("Archived", "Annulé", "DepositPaid"), (dossier.GetProperty("status").GetString(), dossier.GetProperty("outcomeLabel").GetString(), dossier.GetProperty("statusBeforeArchive").GetString()));
        Assert.Equal(36_000 - 6_000 + 90_000, dossier.GetProperty("paidCents").GetInt64());
        Assert.Equal(120_000, dossier.GetProperty("acceptedTotalCents").GetInt64());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM dossier_history WHERE \"DossierId\" = @p0 AND \"To\" = 'Archived'", id));
    }

    [Fact]
    public async Task ACancelledDossier_CannotBeRestoredNorMovedNorItsStayChanged_409InFrench()
    {
        var (organisation, id, quote, _, staff) = await DepositPaidAsync();
        await PublishAsync(Cancelled(organisation, id, quote));
        await WaitForAsync(staff, id, d => d.GetProperty("outcome").GetString() == "Cancelled");

        var restore = await staff.PostAsync($"/api/dossiers/{id}/restore", null);
        var dropped = await staff.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to = "DepositPaid" });
        var processed = await staff.PutAsync($"/api/dossiers/{id}/processed", null);
        var stay = await staff.PutAsJsonAsync($"/api/dossiers/{id}/stay", new { arrival = "2027-03-06", departure = "2027-03-13", adults = 2, confirm = true });

        Assert.Equal(
            (HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict, HttpStatusCode.Conflict),
            (restore.StatusCode, dropped.StatusCode, processed.StatusCode, stay.StatusCode));
        const string Refusal = "Ce dossier est annulé : il reste archivé et ne peut pas être restauré. Pour un nouveau séjour, ouvrez une nouvelle demande.";
        Assert.Equal(Refusal, (await restore.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(Refusal, (await dropped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.StartsWith("Ce dossier est annulé", (await stay.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString(), StringComparison.Ordinal);
        var dossier = await DossierAsync(staff, id);
        Assert.Equal(("Archived", "2027-02-13"), (dossier.GetProperty("status").GetString(), dossier.GetProperty("arrival").GetString()));
    }
}
