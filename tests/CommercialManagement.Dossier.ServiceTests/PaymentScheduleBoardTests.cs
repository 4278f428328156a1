using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>
/// The payment schedule on the dossier (issue 17): each reminder a history line, the overdue balance marked on the card
/// (« En retard ») and filterable (« Solde en retard »), cleared when settled; one organisation at a time.
/// </summary>
public sealed class PaymentScheduleBoardTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly DateTimeOffset T0 = new(2026, 12, 1, 10, 0, 0, TimeSpan.Zero);

    [Fact]
    public async Task Overdue_MarksTheCard_TheFilterShowsIt_OfMyOrganisationOnly_AndTheClearingRemovesIt()
    {
        var organisation = Guid.NewGuid();
        var late = await NewDossierAsync(organisation, "Léa Retard");
        var onTime = await NewDossierAsync(organisation, "Paul Àlheure");
        var other = Guid.NewGuid();
        var elsewhere = await NewDossierAsync(other, "Autre Organisation");
        var due = new DateOnly(2027, 1, 7);
        await PublishAsync(Overdue(organisation, late, due, T0.AddDays(1)));
        await PublishAsync(Overdue(other, elsewhere, due, T0.AddDays(1)));
        var staff = factory.CreateStaffClient(organisation);

        Assert.True(await Eventually.TrueAsync(async () => Cards(await BoardAsync(staff, "?overdue=true")).Count == 1, TimeSpan.FromSeconds(20)));
        var card = Assert.Single(Cards(await BoardAsync(staff, "?overdue=true")));
        Assert.Equal((late, "2027-01-07"), (card.GetProperty("id").GetGuid(), card.GetProperty("balanceOverdueOn").GetString()));
        var all = Cards(await BoardAsync(staff));
        Assert.Equal(JsonValueKind.Null, all.Single(c => c.GetProperty("id").GetGuid() == onTime).GetProperty("balanceOverdueOn").ValueKind);
        var history = await HistoryAsync(staff, late);
        Assert.Contains("Solde en retard : 700,00 € attendus le 7 janvier 2027", history);

        await PublishAsync(new PaymentOverdueCleared { OrganisationId = organisation, OccurredAt = T0.AddDays(2), RequestId = late });
        Assert.True(await Eventually.TrueAsync(async () => Cards(await BoardAsync(staff, "?overdue=true")).Count == 0, TimeSpan.FromSeconds(20)));

        // The mark of the day before, delivered late, does not come back.
        await PublishAsync(Overdue(organisation, late, due, T0.AddDays(1).AddMinutes(1)));
        await Task.Delay(TimeSpan.FromSeconds(2));
        Assert.Empty(Cards(await BoardAsync(staff, "?overdue=true")));
        Assert.Single(Cards(await BoardAsync(factory.CreateStaffClient(other), "?overdue=true")));
    }

    [Fact]
    public async Task Reminders_WriteTheHistory()
    {
        var organisation = Guid.NewGuid();
        var id = await NewDossierAsync(organisation, "Hugo Relance");
        await PublishAsync(Reminder(organisation, id, "BeforeDue", "J-3"));
        await PublishAsync(Reminder(organisation, id, "LinkExpiry", "J-2") with { DueOn = new DateOnly(2027, 2, 13) });
        var staff = factory.CreateStaffClient(organisation);

        Assert.True(await Eventually.TrueAsync(async () => (await HistoryAsync(staff, id)).Count(l => l.StartsWith("R", StringComparison.Ordinal)) >= 2, TimeSpan.FromSeconds(20)));
        var history = await HistoryAsync(staff, id);
        Assert.Contains("Relance de paiement envoyée (J-3) : 700,00 € du solde, échéance le 7 janvier 2027", history);
        Assert.Contains("Rappel envoyé : le lien de paiement du solde (700,00 €) expire le 13 février 2027 (J-2)", history);
    }

    private static PaymentOverdue Overdue(Guid organisation, Guid id, DateOnly due, DateTimeOffset at) => new()
    {
        OrganisationId = organisation, OccurredAt = at, RequestId = id, DueOn = due, RemainingCents = 70_000,
    };

    private static PaymentReminderDue Reminder(Guid organisation, Guid id, string step, string label) => new()
    {
        OrganisationId = organisation, OccurredAt = T0.AddDays(1), RequestId = id, PaymentRequestId = Guid.NewGuid(), QuoteNumber = "DEV-2026-00042",
        Kind = "Balance", Step = step, Label = label, DueOn = new DateOnly(2027, 1, 7), AmountCents = 70_000, AcceptedTotalCents = 100_000, PaidCents = 30_000,
        ExpiresAt = new DateTimeOffset(2027, 2, 12, 23, 0, 0, TimeSpan.Zero),
    };

    private Task PublishAsync<T>(T message)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = Guid.NewGuid());

    private async Task<Guid> NewDossierAsync(Guid organisation, string name)
    {
        var id = Guid.CreateVersion7();
        var arrival = new DateOnly(2027, 2, 6);
        await PublishAsync(RequestReceivedTests.Received(id, organisation) with { CustomerName = name, Arrival = arrival, Departure = arrival.AddDays(7) });
        await PublishAsync(new QuoteChanged { OrganisationId = organisation, OccurredAt = T0.AddMinutes(1), RequestId = id, QuoteId = Guid.NewGuid(), LineCount = 1, TotalCents = 100_000 });
        Assert.True(await Eventually.TrueAsync(
            async () => await factory.CountAsync("SELECT count(*) FROM dossiers WHERE \"Id\" = @p0 AND \"Status\" = 'New'", id) == 1, TimeSpan.FromSeconds(30)));
        return id;
    }

    private static async Task<JsonElement> BoardAsync(HttpClient staff, string query = "") =>
        await staff.GetFromJsonAsync<JsonElement>("/api/dossiers/board" + query);

    private static List<JsonElement> Cards(JsonElement board) =>
        [.. board.GetProperty("columns").EnumerateArray().SelectMany(c => c.GetProperty("cards").EnumerateArray())];

    private static async Task<List<string>> HistoryAsync(HttpClient staff, Guid id) =>
        [.. (await staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}")).GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()!.Replace('\u202f', ' ').Replace('\u00a0', ' '))];
}
