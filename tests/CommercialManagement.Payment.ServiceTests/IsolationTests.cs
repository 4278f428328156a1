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
        var outboxBefore = await factory.CountAsync("SELECT count(*) FROM outbox_messages");

        HttpResponseMessage[] responses =
        [
            await other.Agent.GetAsync($"/api/payments/by-request/{caseId}"),
            await other.PayAsync(caseId, 10_000, reference: "VIR-INTRUS"),
        ];

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.NotFound, r.StatusCode));
        foreach (var response in responses)
        {
            Assert.DoesNotContain("VIR-PROPRIO", await response.Content.ReadAsStringAsync(), StringComparison.Ordinal);
        }

        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM payments WHERE \"RequestId\" = @p0", caseId));
        Assert.Equal(outboxBefore, await factory.CountAsync("SELECT count(*) FROM outbox_messages"));
        Assert.Equal(70_000, (await owner.LedgerAsync(caseId)).GetProperty("remainingCents").GetInt64());
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
        UnauthorisedCalls.Authorise(read, factory.Tokens, call, organisation);
        UnauthorisedCalls.Authorise(write, factory.Tokens, call, organisation);

        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(read)).StatusCode);
        Assert.Equal(HttpStatusCode.Unauthorized, (await factory.CreateClient().SendAsync(write)).StatusCode);
    }

    [Fact]
    public void Model_EveryTenantOwnedEntity_HasTheOrganisationFilter()
    {
        using var scope = factory.Services.CreateScope();
        TenancyAssert.EveryTenantEntityIsFiltered(scope.ServiceProvider.GetRequiredService<Microsoft.EntityFrameworkCore.DbContext>());
    }
}
