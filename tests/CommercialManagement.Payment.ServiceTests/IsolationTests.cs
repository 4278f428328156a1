using System.Net;
using System.Net.Http.Json;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Payment.ServiceTests;

/// <summary>Another organisation's staff get 404 on every payment endpoint and change nothing; no valid staff token, 401.</summary>
public sealed class IsolationTests(PaymentFactory factory) : IClassFixture<PaymentFactory>
{
    [Fact]
    public async Task EveryPaymentEndpoint_ForAnotherOrganisation_Returns404AndChangesNothing()
    {
        var owner = await Scenario.NewAsync(factory);
        var other = await Scenario.NewAsync(factory);
        var caseId = await owner.AcceptedCaseAsync(100_000);
        Assert.Equal(HttpStatusCode.Created, (await owner.PayAsync(caseId, 30_000, reference: "VIR-PROPRIO")).StatusCode);
        var balanceId = (await Scenario.JsonAsync(await owner.AskAsync(caseId, "Balance"))).GetProperty("requests")[0].GetProperty("id").GetGuid();
        var outboxBefore = await factory.CountAsync("SELECT count(*) FROM outbox_messages");

        HttpResponseMessage[] responses =
        [
            await other.Agent.GetAsync($"/api/payments/by-request/{caseId}"),
            await other.PayAsync(caseId, 10_000, reference: "VIR-INTRUS"),
            await other.AskAsync(caseId, "Balance"),
            await other.Agent.PostAsync($"/api/payments/requests/{balanceId}/cancellation", null),
            await other.Customer(caseId).GetAsync("/customer/payments"),
            await CustomerPaymentTests.CheckoutAsync(other.Customer(caseId), balanceId),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.DoesNotContain("VIR-PROPRIO", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(outboxBefore, await factory.CountAsync("SELECT count(*) FROM outbox_messages"));
        var ledger = await owner.LedgerAsync(caseId);
        Assert.Equal(70_000, ledger.GetProperty("remainingCents").GetInt64());
        Assert.Equal("Open", Assert.Single(ledger.GetProperty("requests").EnumerateArray()).GetProperty("status").GetString());
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM sandbox_sessions WHERE \"PaymentRequestId\" = @p0", balanceId));
    }

    [Theory]
    [MemberData(nameof(UnauthorisedCalls.Names), MemberType = typeof(UnauthorisedCalls))]
    public async Task Payments_WithoutAValidStaffToken_Return401(string call)
    {
        var organisation = Guid.NewGuid();
        using var read = new HttpRequestMessage(HttpMethod.Get, $"/api/payments/by-request/{Guid.NewGuid()}");
        using var write = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/by-request/{Guid.NewGuid()}/offline")
        {
            Content = JsonContent.Create(new { amountCents = 1_000, method = "Cash" }),
        };
        using var ask = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/by-request/{Guid.NewGuid()}/requests") { Content = JsonContent.Create(new { kind = "Deposit" }) };
        using var cancel = new HttpRequestMessage(HttpMethod.Post, $"/api/payments/requests/{Guid.NewGuid()}/cancellation");
        foreach (var request in new[] { read, write, ask, cancel })
        {
            UnauthorisedCalls.Authorise(request, factory.Tokens, call, organisation);
            Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(request)).StatusCode);
        }
    }

    [Fact]
    public void Model_EveryTenantOwnedEntity_HasTheOrganisationFilter()
    {
        using var scope = factory.Services.CreateScope();
        TenancyAssert.EveryTenantEntityIsFiltered(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>());
    }
}
