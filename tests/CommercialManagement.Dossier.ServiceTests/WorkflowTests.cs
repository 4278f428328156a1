using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts;
using CommercialManagement.Contracts.Dossier;
using CommercialManagement.Contracts.Inbox;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;
using MassTransit;

namespace CommercialManagement.Dossier.ServiceTests;

/// <summary>The workflow through the service: events in, moves out, refusals in French, each organisation alone.</summary>
public sealed class WorkflowTests(DossierFactory factory) : IClassFixture<DossierFactory>
{
    private static readonly Guid Organisation = RequestReceivedTests.OrganisationA;
    private static readonly DateTimeOffset T0 = new(2026, 11, 28, 10, 0, 0, TimeSpan.Zero);

    private HttpClient Staff => factory.CreateStaffClient(Organisation);

    private Task PublishAsync<T>(T message, Guid? messageId = null)
        where T : class, IIntegrationEvent =>
        factory.Harness.Bus.Publish(message, context => context.MessageId = messageId ?? Guid.NewGuid());

    private async Task<JsonElement> DossierAsync(Guid id) => await Staff.GetFromJsonAsync<JsonElement>($"/api/dossiers/{id}");

    private async Task<JsonElement> WaitForAsync(Guid id, Func<JsonElement, bool> condition)
    {
        JsonElement dossier = default;
        var reached = await Eventually.TrueAsync(async () =>
        {
            var response = await Staff.GetAsync($"/api/dossiers/{id}");
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

    private static Func<JsonElement, bool> StatusIs(string status) => d => d.GetProperty("status").GetString() == status;

    private async Task<(Guid Case, Guid Quote)> OpenAsync(int lines = 1)
    {
        var id = Guid.CreateVersion7();
        var quote = Guid.NewGuid();
        await PublishAsync(RequestReceivedTests.Received(id, Organisation));
        await WaitForAsync(id, StatusIs("Request"));
        if (lines > 0)
        {
            await PublishAsync(new QuoteChanged { OrganisationId = Organisation, OccurredAt = T0.AddMinutes(1), RequestId = id, QuoteId = quote, LineCount = lines, TotalCents = 120_000 });
            await WaitForAsync(id, StatusIs("New"));
        }

        return (id, quote);
    }

    private QuoteAccepted Accepted(Guid id, Guid quote) => new()
    {
        OrganisationId = Organisation, OccurredAt = T0.AddMinutes(3), RequestId = id, QuoteId = quote, Number = "OT-2026-0042", TotalCents = 120_000, AcceptedBy = "Customer",
    };

    private PaymentReceived Payment(Guid id, Guid quote, Guid payment, long cents, int minute = 4) => new()
    {
        OrganisationId = Organisation, OccurredAt = T0.AddMinutes(minute), RequestId = id, QuoteId = quote, PaymentId = payment, AmountCents = cents, Kind = "Deposit",
    };

    [Fact]
    public async Task QuoteChangedWithALine_MakesTheRequestANewDossier_AndTheHistorySaysSo()
    {
        var (id, _) = await OpenAsync();

        var dossier = await DossierAsync(id);

        Assert.Equal("Nouveaux dossiers", dossier.GetProperty("column").GetString());
        var moves = dossier.GetProperty("history").EnumerateArray().Where(h => h.GetProperty("to").ValueKind == JsonValueKind.String).Select(h => h.GetProperty("to").GetString()).ToList();
        Assert.Equal(["Request", "New"], moves);
    }

    [Fact]
    public async Task StaffMessage_DeliveredTwiceAndRepublished_MovesInProgressOnce()
    {
        var (id, _) = await OpenAsync();
        var message = new StaffMessagePosted
        {
            OrganisationId = Organisation, OccurredAt = T0.AddMinutes(2), RequestId = id, MessageId = Guid.NewGuid(), StaffId = Guid.NewGuid(), StaffName = "Lucas Girard",
            CustomerName = "Élodie Martin", CustomerEmail = "elodie@example.fr", Language = "fr", Body = "Bonjour", CustomerSpaceToken = "t",
        };
        var envelope = Guid.NewGuid();

        await PublishAsync(message, envelope);
        await PublishAsync(message, envelope);
        await PublishAsync(message);

        var dossier = await WaitForAsync(id, d => d.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("what").GetString() == "Message envoyé au client") >= 2);
        Assert.True("InProgress" == dossier.GetProperty("status").GetString(), dossier.ToString());
        Assert.Single(dossier.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").ValueKind == JsonValueKind.String && h.GetProperty("to").GetString() == "InProgress");
    }

    [Fact]
    public async Task AmendmentAccepted_TheSameQuoteAgain_FollowsTheNewTotal_NeverGoesBackToAcceptance_AndIsToldOnce()
    {
        var (id, quote) = await OpenAsync();
        await PublishAsync(Accepted(id, quote));
        await WaitForAsync(id, StatusIs("AwaitingPayment"));
        await PublishAsync(Payment(id, quote, Guid.NewGuid(), 36_000));
        await WaitForAsync(id, StatusIs("DepositPaid"));

        // Ski lessons added and the change sent: told as a change of the order, the column unmoved.
        await PublishAsync(new QuoteSent
        {
            OrganisationId = Organisation, OccurredAt = T0.AddMinutes(5), RequestId = id, QuoteId = quote, Number = "OT-2026-0042", TotalCents = 150_000, Version = 2,
            PreviousTotalCents = 120_000,
        });
        await WaitForAsync(id, d => d.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("what").GetString()!.StartsWith("Modification du devis OT-2026-0042 envoyée", StringComparison.Ordinal)));
        Assert.Equal("DepositPaid", (await DossierAsync(id)).GetProperty("status").GetString());

        // The customer accepts the new version: still « Acompte versé », the history says what changed.
        var amended = Accepted(id, quote) with { OccurredAt = T0.AddMinutes(6), TotalCents = 150_000, Version = 2, PreviousTotalCents = 120_000 };
        var envelope = Guid.NewGuid();
        await PublishAsync(amended, envelope);
        await PublishAsync(amended, envelope);
        await PublishAsync(amended);
        var dossier = await WaitForAsync(id, d => d.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("what").GetString()!.StartsWith("Modification acceptée", StringComparison.Ordinal)));
        Assert.Equal("DepositPaid", dossier.GetProperty("status").GetString());
        var told = Assert.Single(dossier.GetProperty("history").EnumerateArray(), h => h.GetProperty("what").GetString()!.StartsWith("Modification acceptée", StringComparison.Ordinal));
        Assert.Contains("nouveau total 1", told.GetProperty("what").GetString(), StringComparison.Ordinal);
        Assert.Contains("version 2", told.GetProperty("what").GetString(), StringComparison.Ordinal);

        // Paid against the new total: the old one (120 000) would have been paid in full at 120 000.
        await PublishAsync(Payment(id, quote, Guid.NewGuid(), 84_000, minute: 7));
        dossier = await WaitForAsync(id, d => d.GetProperty("paidCents").GetInt64() == 120_000);
        Assert.Equal(("DepositPaid", 150_000), (dossier.GetProperty("status").GetString(), dossier.GetProperty("acceptedTotalCents").GetInt64()));
        await PublishAsync(Payment(id, quote, Guid.NewGuid(), 30_000, minute: 8));
        await WaitForAsync(id, StatusIs("PaidInFull"));

        // The order grows again once paid in full: back to « Acompte versé », what remains is due; an older acceptance late changes nothing.
        await PublishAsync(Accepted(id, quote) with { OccurredAt = T0.AddMinutes(9), TotalCents = 160_000, Version = 3, PreviousTotalCents = 150_000 });
        dossier = await WaitForAsync(id, StatusIs("DepositPaid"));
        await PublishAsync(Accepted(id, quote) with { OccurredAt = T0.AddMinutes(5), TotalCents = 100_000, Version = 2, PreviousTotalCents = 120_000 });
        await PublishAsync(Accepted(id, quote));
        await Task.Delay(TimeSpan.FromSeconds(2));
        dossier = await DossierAsync(id);
        Assert.Equal("DepositPaid", dossier.GetProperty("status").GetString());
        Assert.Equal(2, dossier.GetProperty("history").EnumerateArray().Count(h => h.GetProperty("what").GetString()!.StartsWith("Modification acceptée", StringComparison.Ordinal)));
        Assert.DoesNotContain(dossier.GetProperty("history").EnumerateArray(), h => h.GetProperty("to").ValueKind == JsonValueKind.String
            && h.GetProperty("to").GetString() == "AwaitingPayment" && h.GetProperty("at").GetDateTimeOffset() > T0.AddMinutes(4));
    }

    [Fact]
    public async Task PaymentRequestedThenFailed_WriteTheHistory_AndLeaveTheDossierAwaitingPayment()
    {
        var (id, quote) = await OpenAsync();
        await PublishAsync(Accepted(id, quote));
        await WaitForAsync(id, StatusIs("AwaitingPayment"));
        var paymentRequest = Guid.NewGuid();

        await PublishAsync(new PaymentRequested
        {
            OrganisationId = Organisation, OccurredAt = T0.AddMinutes(4), RequestId = id, PaymentRequestId = paymentRequest, QuoteId = quote, QuoteNumber = "OT-2026-0042",
            Kind = "Deposit", AmountCents = 36_000, AcceptedTotalCents = 120_000, PaidCents = 0, ExpiresAt = T0.AddDays(7),
        });
        await PublishAsync(new PaymentFailed
        {
            OrganisationId = Organisation, OccurredAt = T0.AddMinutes(5), RequestId = id, PaymentRequestId = paymentRequest, Reason = "Le paiement a été refusé par la banque.",
        });

        var dossier = await WaitForAsync(id, d => d.GetProperty("history").EnumerateArray().Any(h => h.GetProperty("what").GetString()!.StartsWith("Paiement refusé", StringComparison.Ordinal)));
        var lines = dossier.GetProperty("history").EnumerateArray().Select(h => h.GetProperty("what").GetString()).ToList();
        Assert.Contains("Demande de paiement de l'acompte envoyée au client (360,00 €)", lines);
        Assert.Contains("Paiement refusé : Le paiement a été refusé par la banque.", lines);
        Assert.Equal("AwaitingPayment", dossier.GetProperty("status").GetString());
    }

    [Fact]
    public async Task Payments_OutOfOrderAndRepeated_CountOnce_AndReachPaidInFull()
    {
        var (id, quote) = await OpenAsync();
        var deposit = Guid.NewGuid();

        await PublishAsync(Payment(id, quote, deposit, 36_000));
        await PublishAsync(Payment(id, quote, deposit, 36_000));
        await Task.Delay(500);
        await PublishAsync(Accepted(id, quote));
        var afterDeposit = await WaitForAsync(id, StatusIs("DepositPaid"));
        Assert.Equal(36_000, afterDeposit.GetProperty("paidCents").GetInt64());
        await PublishAsync(Payment(id, quote, Guid.NewGuid(), 84_000, minute: 6));

        var paid = await WaitForAsync(id, StatusIs("PaidInFull"));
        Assert.Equal(120_000, paid.GetProperty("paidCents").GetInt64());
        Assert.Equal(2, await factory.CountAsync("SELECT count(*) FROM dossier_payments WHERE \"DossierId\" = @p0", id));
    }

    [Fact]
    public async Task EventBeforeItsCase_IsRetriedUntilTheCaseIsOpened()
    {
        var id = Guid.CreateVersion7();

        await PublishAsync(new QuoteChanged { OrganisationId = Organisation, OccurredAt = T0.AddMinutes(1), RequestId = id, QuoteId = Guid.NewGuid(), LineCount = 2, TotalCents = 50_000 });
        await Task.Delay(300);
        await PublishAsync(RequestReceivedTests.Received(id, Organisation));

        await WaitForAsync(id, StatusIs("New"));
    }

    [Fact]
    public async Task ForbiddenMoves_Are409WithTheReasonInFrench_AndChangeNothing()
    {
        var (id, _) = await OpenAsync();

        var processed = await Staff.PutAsync($"/api/dossiers/{id}/processed", null);
        var dropped = await Staff.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to = "DepositPaid" });

        Assert.Equal(HttpStatusCode.Conflict, processed.StatusCode);
        Assert.Equal(
            "Seul un dossier en « Paiement soldé » peut être marqué « Saisie dans le logiciel (Traité) » : celui-ci est en « Nouveaux dossiers ».",
            (await processed.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.Conflict, dropped.StatusCode);
        Assert.Equal(
            "« Acompte versé » suit les paiements reçus : un dossier n'y est pas déplacé à la main.",
            (await dropped.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("New", (await DossierAsync(id)).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ArchiveByDrop_ThenRestore_ComesBackWhereItWas()
    {
        var (id, _) = await OpenAsync();

        var archived = await Staff.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to = "Archived" });
        Assert.Equal("Archived", (await archived.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var elsewhere = await Staff.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to = "InProgress" });
        var restored = await Staff.PostAsync($"/api/dossiers/{id}/restore", null);

        Assert.Equal(HttpStatusCode.Conflict, elsewhere.StatusCode);
        Assert.Equal("Un dossier archivé revient là où il était : « Nouveaux dossiers ».", (await elsewhere.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
        Assert.Equal("New", (await restored.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task ProcessedBox_OnAPaidDossier_MovesItToCommandeTraitee()
    {
        var (id, quote) = await OpenAsync();
        await PublishAsync(Accepted(id, quote));
        await PublishAsync(Payment(id, quote, Guid.NewGuid(), 120_000));
        await WaitForAsync(id, StatusIs("PaidInFull"));

        var ticked = await Staff.PutAsync($"/api/dossiers/{id}/processed", null);
        Assert.Equal("Processed", (await ticked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
        var unticked = await Staff.DeleteAsync($"/api/dossiers/{id}/processed");

        Assert.Equal("PaidInFull", (await unticked.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("status").GetString());
    }

    [Fact]
    public async Task StayRule_AsksToConfirm_ThenLosesTheQuoteAndPublishes_AndRefusesOncePaid()
    {
        var (id, quote) = await OpenAsync();
        var stay = new { arrival = "2027-03-06", departure = "2027-03-13", adults = 3, childrenAges = new[] { 10 }, confirm = false };

        var unconfirmed = await Staff.PutAsJsonAsync($"/api/dossiers/{id}/stay", stay);
        var problem = await unconfirmed.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, unconfirmed.StatusCode);
        Assert.True(problem.GetProperty("confirmationRequired").GetBoolean());
        Assert.StartsWith("Un devis est en cours sur ce dossier", problem.GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal("2027-02-13", (await DossierAsync(id)).GetProperty("arrival").GetString());

        var confirmed = await Staff.PutAsJsonAsync($"/api/dossiers/{id}/stay", stay with { confirm = true });
        Assert.Equal(HttpStatusCode.OK, confirmed.StatusCode);
        var changed = await factory.PublishedAsync<StayChanged>(e => e.RequestId == id);
        Assert.Equal((quote, 3, new DateOnly(2027, 3, 6)), (changed.LostQuoteId!.Value, changed.Adults, changed.Arrival!.Value));
        Assert.Equal("InProgress", (await DossierAsync(id)).GetProperty("status").GetString());

        await PublishAsync(Accepted(id, quote) with { QuoteId = Guid.NewGuid() });
        await PublishAsync(Payment(id, quote, Guid.NewGuid(), 10_000));
        await WaitForAsync(id, d => d.GetProperty("paidCents").GetInt64() == 10_000);
        var afterPayment = await Staff.PutAsJsonAsync($"/api/dossiers/{id}/stay", stay with { confirm = true });
        var refusal = await afterPayment.Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(HttpStatusCode.Conflict, afterPayment.StatusCode);
        Assert.False(refusal.GetProperty("confirmationRequired").GetBoolean());
        Assert.StartsWith("Un paiement de 100,00 € a déjà été reçu", refusal.GetProperty("title").GetString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task EveryCommittedChangeOfADossier_IsAnnouncedForTheOpenPages_WithItsColumn()
    {
        var (id, quote) = await OpenAsync();
        await factory.PublishedAsync<DossierChanged>(e => e.RequestId == id && e.Status == "New");

        await PublishAsync(Accepted(id, quote));
        await WaitForAsync(id, StatusIs("AwaitingPayment"));

        var moved = await factory.PublishedAsync<DossierChanged>(e => e.RequestId == id && e.Status == "AwaitingPayment");
        Assert.Equal(Organisation, moved.OrganisationId);
    }

    [Fact]
    public async Task Stay_WithDepartureBeforeArrival_Is400AndChangesNothing()
    {
        var (id, _) = await OpenAsync(lines: 0);

        var response = await Staff.PutAsJsonAsync($"/api/dossiers/{id}/stay", new { arrival = "2027-03-13", departure = "2027-03-06", adults = 2, confirm = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("La date de départ doit être après la date d'arrivée.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("departure")[0].GetString());
        Assert.Equal("2027-02-13", (await DossierAsync(id)).GetProperty("arrival").GetString());
    }

    [Fact]
    public async Task Stay_WithAdultsThatWouldWrapPastTheLimit_Is400AndChangesNothing()
    {
        var (id, _) = await OpenAsync(lines: 0);

        // 2,147,483,647 adults and one child used to wrap below 30 people and be accepted.
        var response = await Staff.PutAsJsonAsync($"/api/dossiers/{id}/stay", new { arrival = "2027-03-06", departure = "2027-03-13", adults = int.MaxValue, childrenAges = new[] { 8 }, confirm = true });

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Equal("Un séjour compte au plus 30 personnes.",
            (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").GetProperty("adults")[0].GetString());
        Assert.Equal(2, (await DossierAsync(id)).GetProperty("adults").GetInt32());
    }

    [Fact]
    public async Task Board_AtAPageFarBeyondTheEnd_OrSearchedWithNul_IsA400()
    {
        var far = await Staff.GetAsync("/api/dossiers/board?column=New&page=2147483647&pageSize=100");
        var nul = await Staff.GetAsync("/api/dossiers/board?search=%00");
        var csv = await Staff.GetAsync("/api/dossiers/board.csv?search=Martin%00");

        Assert.Equal((HttpStatusCode.BadRequest, HttpStatusCode.BadRequest, HttpStatusCode.BadRequest), (far.StatusCode, nul.StatusCode, csv.StatusCode));
        Assert.Equal("Un nombre dépasse ce que le système accepte.", (await far.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("title").GetString());
    }

    [Fact]
    public async Task EveryEndpoint_AnotherOrganisationGets404_AndNothingMoves()
    {
        var (id, _) = await OpenAsync();
        var other = factory.CreateStaffClient(RequestReceivedTests.OrganisationB);

        var responses = new[]
        {
            await other.GetAsync($"/api/dossiers/{id}"),
            await other.PostAsync($"/api/dossiers/{id}/archive", null),
            await other.PostAsync($"/api/dossiers/{id}/restore", null),
            await other.PutAsync($"/api/dossiers/{id}/processed", null),
            await other.DeleteAsync($"/api/dossiers/{id}/processed"),
            await other.PostAsJsonAsync($"/api/dossiers/{id}/moves", new { to = "Archived" }),
            await other.PutAsJsonAsync($"/api/dossiers/{id}/stay", new { adults = 2, confirm = true }),
        };

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        Assert.Equal("New", (await DossierAsync(id)).GetProperty("status").GetString());
    }
}
