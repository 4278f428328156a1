using System.Net;
using CommercialManagement.Contracts.Payment;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Offline payments: the ledger, the kind of each payment, and PaymentReceived through the outbox.</summary>
public sealed class OfflinePaymentTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task DepositThenBalance_PublishPaymentReceived_WithKindAmountsAndPaidSoFar_ThroughTheOutbox()
    {
        var scenario = await Scenario.NewAsync(factory, deposit: 30);
        var caseId = await scenario.AcceptedCaseAsync(123_450);

        var before = await scenario.LedgerAsync(caseId);
        Assert.Equal((123_450L, 37_035L, 0L, 123_450L), (before.GetProperty("acceptedTotalCents").GetInt64(), before.GetProperty("depositCents").GetInt64(),
            before.GetProperty("paidCents").GetInt64(), before.GetProperty("remainingCents").GetInt64()));

        var deposit = await scenario.PayAsync(caseId, 37_035, "BankTransfer", "VIR-0001", DateOnly.FromDateTime(DateTime.UtcNow.AddDays(-2)).ToString("yyyy-MM-dd"));
        Assert.Equal(HttpStatusCode.Created, deposit.StatusCode);
        var afterDeposit = await Scenario.JsonAsync(deposit);
        Assert.Equal((37_035L, 86_415L), (afterDeposit.GetProperty("paidCents").GetInt64(), afterDeposit.GetProperty("remainingCents").GetInt64()));
        var first = afterDeposit.GetProperty("payments")[0];
        Assert.Equal(("Deposit", "Acompte", "BankTransfer", "Virement", "VIR-0001"), (first.GetProperty("kind").GetString(), first.GetProperty("kindLabel").GetString(),
            first.GetProperty("method").GetString(), first.GetProperty("methodLabel").GetString(), first.GetProperty("reference").GetString()));
        Assert.Equal("Agent de test", first.GetProperty("recordedBy").GetString());

        var balance = await scenario.PayAsync(caseId, 86_415, "Cheque", "CHQ 4471203");
        Assert.Equal(HttpStatusCode.Created, balance.StatusCode);
        var paid = await Scenario.JsonAsync(balance);
        Assert.Equal((123_450L, 0L, 2), (paid.GetProperty("paidCents").GetInt64(), paid.GetProperty("remainingCents").GetInt64(), paid.GetProperty("payments").GetArrayLength()));

        var depositEvent = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == caseId && e.Kind == "Deposit");
        Assert.Equal((37_035L, 37_035L, 123_450L, "BankTransfer"), (depositEvent.AmountCents, depositEvent.PaidCents, depositEvent.AcceptedTotalCents, depositEvent.Method));
        var balanceEvent = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == caseId && e.Kind == "Balance");
        Assert.Equal((86_415L, 123_450L, 123_450L, "Cheque"), (balanceEvent.AmountCents, balanceEvent.PaidCents, balanceEvent.AcceptedTotalCents, balanceEvent.Method));
        Assert.Equal(scenario.OrganisationId, balanceEvent.OrganisationId);
        Assert.Equal(first.GetProperty("id").GetGuid(), depositEvent.PaymentId);

        // Through the outbox: one row per payment, published with the row's id as the message id.
        Assert.Equal(2, await factory.CountAsync(Scenario.CaseOutboxSql, caseId.ToString()));
        var messageId = factory.PublishedMessageId<PaymentReceived>(e => e.PaymentId == depositEvent.PaymentId);
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE id = @p0 AND payload->>'paymentId' = @p1", messageId!.Value, depositEvent.PaymentId.ToString()));
    }

    [Fact]
    public async Task OnePaymentOfTheWhole_IsFull_InChequesVacances_WithoutReference()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.AcceptedCaseAsync(58_000);

        var response = await scenario.PayAsync(caseId, 58_000, "HolidayVouchers", reference: null);

        Assert.Equal(HttpStatusCode.Created, response.StatusCode);
        var payment = (await Scenario.JsonAsync(response)).GetProperty("payments")[0];
        Assert.Equal(("Full", "Chèques vacances"), (payment.GetProperty("kind").GetString(), payment.GetProperty("methodLabel").GetString()));
        var received = await factory.PublishedAsync<PaymentReceived>(e => e.RequestId == caseId);
        Assert.Equal(("Full", 58_000L, 58_000L), (received.Kind, received.AmountCents, received.PaidCents));
    }

    [Fact]
    public async Task Ledger_OfACaseWithoutAcceptedQuote_Is404InFrench()
    {
        var scenario = await Scenario.NewAsync(factory);

        var response = await scenario.Agent.GetAsync($"/api/payments/by-request/{Guid.NewGuid()}");

        Assert.Equal(HttpStatusCode.NotFound, response.StatusCode);
        Assert.Equal("Aucun devis accepté pour ce dossier.", (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
    }
}
