using System.Net;
using System.Text.Json;
using CommercialManagement.Contracts.Payment;
using CommercialManagement.Contracts.Quote;
using CommercialManagement.TestKit;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Staff payment requests: what each kind asks, what the rules refuse (in French, nothing stored), PaymentRequested through the outbox, the withdrawal.</summary>
public sealed class PaymentRequestTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task Deposit_AsksThePercentage_PublishesPaymentRequestedThroughTheOutbox_AndTheLedgerShowsItOpen()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 30);
        var caseId = await scenario.AcceptedCaseAsync(123_450);

        var response = await scenario.AskAsync(caseId, "Deposit");

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var ledger = await Scenario.JsonAsync(response);
        var request = Assert.Single(ledger.GetProperty("requests").EnumerateArray());
        Assert.Equal(("Deposit", "Acompte", 37_035L, "Open", "En attente", "Agent de test"), (request.GetProperty("kind").GetString(), request.GetProperty("kindLabel").GetString(),
            request.GetProperty("amountCents").GetInt64(), request.GetProperty("status").GetString(), request.GetProperty("statusLabel").GetString(),
            request.GetProperty("createdBy").GetString()));
        var expires = request.GetProperty("expiresAt").GetDateTimeOffset() - request.GetProperty("createdAt").GetDateTimeOffset();
        Assert.Equal(TimeSpan.FromDays(7), expires);

        var options = Options(ledger);
        Assert.False(options["Deposit"].Allowed);
        Assert.StartsWith("Une demande d'acompte est déjà en attente", options["Deposit"].Reason, StringComparison.Ordinal);
        Assert.False(options["Full"].Allowed);
        Assert.Equal("Rien n'a encore été payé : demandez d'abord l'acompte, ou la totalité.", options["Balance"].Reason);

        var id = request.GetProperty("id").GetGuid();
        var requested = await factory.PublishedAsync<PaymentRequested>(e => e.PaymentRequestId == id);
        Assert.Equal((caseId, "DEV-2026-00042", "Deposit", 37_035L, 123_450L, 0L), (requested.RequestId, requested.QuoteNumber, requested.Kind, requested.AmountCents,
            requested.AcceptedTotalCents, requested.PaidCents));
        Assert.Equal(scenario.OrganisationId, requested.OrganisationId);
        var messageId = factory.PublishedMessageId<PaymentRequested>(e => e.PaymentRequestId == id);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND payload->>'paymentRequestId' = @p1", messageId!.Value, id.ToString()));
    }

    [Fact]
    public async Task Options_BeforeAndAfterAPayment_DepositAndFullFirst_ThenOnlyTheBalance_NeverAboveTheTotal()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 30);
        var caseId = await scenario.AcceptedCaseAsync(100_000);

        var fresh = Options(await scenario.LedgerAsync(caseId));
        Assert.Equal((true, 30_000L, true, 100_000L, false), (fresh["Deposit"].Allowed, fresh["Deposit"].Amount, fresh["Full"].Allowed, fresh["Full"].Amount, fresh["Balance"].Allowed));

        // The whole asked: the deposit would go past the total.
        var full = await scenario.AskAsync(caseId, "Full");
        Assert.Equal(HttpStatusCode.Created, full.StatusCode);
        var refused = await scenario.AskAsync(caseId, "deposit");
        Assert.Equal(HttpStatusCode.Conflict, refused.StatusCode);
        Assert.StartsWith("Les demandes en attente (1 000,00 €) et ce qui est déjà payé (0,00 €) dépasseraient le total accepté (1 000,00 €)",
            (await Scenario.JsonAsync(refused)).GetProperty("title").GetString()!.Replace('\u202f', ' '), StringComparison.Ordinal);

        // Paid 30 % offline: the whole's request no longer fits what remains, so it is cancelled with the payment.
        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 30_000)).StatusCode);
        Assert.Equal("Cancelled", (await scenario.LedgerAsync(caseId)).GetProperty("requests")[0].GetProperty("status").GetString());

        var after = Options(await scenario.LedgerAsync(caseId));
        Assert.Equal((false, false, true, 70_000L), (after["Deposit"].Allowed, after["Full"].Allowed, after["Balance"].Allowed, after["Balance"].Amount));
        Assert.Equal("Un paiement a déjà été reçu : demandez le solde.", after["Deposit"].Reason);
        var balance = await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Balance"));
        Assert.Equal(70_000, balance.GetProperty("requests")[1].GetProperty("amountCents").GetInt64());
        var balanceEvent = await factory.PublishedAsync<PaymentRequested>(e => e.RequestId == caseId && e.Kind == "Balance");
        Assert.Equal((70_000L, 30_000L), (balanceEvent.AmountCents, balanceEvent.PaidCents));

        Assert.Equal(HttpStatusCode.Created, (await scenario.PayAsync(caseId, 70_000)).StatusCode);
        var paid = Options(await scenario.LedgerAsync(caseId));
        Assert.All(paid.Values, o => Assert.False(o.Allowed));
        Assert.Equal("Le dossier est soldé : il n'y a plus rien à demander.", paid["Balance"].Reason);
    }

    [Fact]
    public async Task Refusals_UnknownKind400_VoidedQuote409_NoAcceptedQuote404_NothingStored()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = Guid.CreateVersion7();
        var accepted = scenario.Accepted(caseId, 80_000);
        await scenario.PublishAsync(accepted);
        await scenario.WaitForQuoteAsync(caseId, accepted.QuoteId);

        foreach (var kind in new[] { "Acompte", "2", "", null })
        {
            var invalid = await scenario.AskAsync(caseId, kind);
            Assert.Equal(HttpStatusCode.BadRequest, invalid.StatusCode);
            Assert.Equal("Type de demande inconnu : Deposit (acompte), Balance (solde) ou Full (totalité).",
                (await Scenario.JsonAsync(invalid)).GetProperty("errors").GetProperty("kind")[0].GetString());
        }

        Assert.Equal(HttpStatusCode.NotFound, (await scenario.AskAsync(Guid.NewGuid(), "Deposit")).StatusCode);

        await scenario.PublishAsync(new QuoteVoided
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = caseId, QuoteId = accepted.QuoteId,
            Reason = "Séjour modifié",
        });
        Assert.True(await Eventually.TrueAsync(async () => (await scenario.LedgerAsync(caseId)).GetProperty("quoteVoided").GetBoolean(), TimeSpan.FromSeconds(20)));
        var voided = await scenario.AskAsync(caseId, "Full");
        Assert.Equal(HttpStatusCode.Conflict, voided.StatusCode);
        Assert.Equal("Le devis DEV-2026-00042 est annulé : aucune demande de paiement ne peut être envoyée.", (await Scenario.JsonAsync(voided)).GetProperty("title").GetString());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(0, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
    }

    [Fact]
    public async Task TwentyDepositRequestsAtOnce_ExactlyOnePasses()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);

        var responses = await Task.WhenAll(Enumerable.Range(0, 20).Select(_ => scenario.AskAsync(caseId, "Deposit")));

        Assert.Equal(1, responses.Count(r => r.StatusCode == HttpStatusCode.Created));
        Assert.Equal(19, responses.Count(r => r.StatusCode == HttpStatusCode.Conflict));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payment_requests WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(1, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
    }

    [Fact]
    public async Task Cancellation_ClosesTheRequest_ASecondOneIs409_AndTheKindMayBeAskedAgain()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();

        var cancelled = await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null);

        Assert.Equal(HttpStatusCode.OK, cancelled.StatusCode);
        var request = (await Scenario.JsonAsync(cancelled)).GetProperty("requests")[0];
        Assert.Equal(("Cancelled", "Annulée"), (request.GetProperty("status").GetString(), request.GetProperty("statusLabel").GetString()));
        Assert.NotEqual(JsonValueKind.Null, request.GetProperty("closedAt").ValueKind);
        var again = await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null);
        Assert.Equal(HttpStatusCode.Conflict, again.StatusCode);
        Assert.Equal("Cette demande est déjà annulée.", (await Scenario.JsonAsync(again)).GetProperty("title").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await scenario.Agent.PostAsync($"/api/payments/requests/{Guid.NewGuid()}/cancellation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AskAsync(caseId, "Deposit")).StatusCode);
    }

    [Fact]
    public async Task Withdrawal_ByStaff_PublishesPaymentRequestWithdrawnOnce_WithWhoWithdrewIt()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(100_000);
        var id = (await Scenario.JsonAsync(await scenario.AskAsync(caseId, "Deposit"))).GetProperty("requests")[0].GetProperty("id").GetGuid();

        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.Agent.PostAsync($"/api/payments/requests/{id}/cancellation", null)).StatusCode);

        var withdrawn = await factory.PublishedAsync<PaymentRequestWithdrawn>(e => e.PaymentRequestId == id);
        Assert.Equal((scenario.OrganisationId, caseId, "Annulée par Agent de test."), (withdrawn.OrganisationId, withdrawn.RequestId, withdrawn.Reason));
        Assert.Equal(1, await factory.CountAsync(WithdrawnOutboxSql, id.ToString()));
    }

    /// <summary>The <c>PaymentRequestWithdrawn</c> rows written for a payment request, with @p0 its id.</summary>
    internal const string WithdrawnOutboxSql =
        "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%PaymentRequestWithdrawn' AND payload->>'paymentRequestId' = @p0";

    internal static Dictionary<string, (bool Allowed, long Amount, string? Reason)> Options(JsonElement ledger) =>
        ledger.GetProperty("options").EnumerateArray().ToDictionary(
            o => o.GetProperty("kind").GetString()!,
            o => (o.GetProperty("allowed").GetBoolean(), o.GetProperty("amountCents").GetInt64(), o.GetProperty("reason").GetString()));
}
