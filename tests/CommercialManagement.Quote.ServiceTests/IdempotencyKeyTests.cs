using System.Net;
using System.Net.Http.Json;
using CommercialManagement.TestKit;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>A quote line sent twice with the same Idempotency-Key (a double click, a retry after a timeout) is added once.</summary>
public sealed class IdempotencyKeyTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task SameLine_SameKey_IsAddedOnce_AndTheSecondAnswerIsTheFirstReplayed()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();

        using var first = await agent.PostWithKeyAsync($"/api/quotes/by-request/{caseId}/custom-lines", key, Basket(5_000));
        using var second = await agent.PostWithKeyAsync($"/api/quotes/by-request/{caseId}/custom-lines", key, Basket(5_000));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.Created, second.StatusCode);
        Assert.Equal(await first.Content.ReadAsStringAsync(), await second.Content.ReadAsStringAsync());
        Assert.Equal(first.Headers.Location, second.Headers.Location);
        Assert.False(first.WasReplayed());
        Assert.True(second.WasReplayed());
        Assert.Equal(1, (await scenario.QuoteAsync(caseId)).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task SameKey_AnotherLine_Is422_AndTheQuoteKeepsOneLine()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();

        using var first = await agent.PostWithKeyAsync($"/api/quotes/by-request/{caseId}/custom-lines", key, Basket(5_000));
        using var other = await agent.PostWithKeyAsync($"/api/quotes/by-request/{caseId}/custom-lines", key, Basket(7_000));

        Assert.Equal(HttpStatusCode.Created, first.StatusCode);
        Assert.Equal(HttpStatusCode.UnprocessableEntity, other.StatusCode);
        Assert.Contains("déjà servi pour une autre requête", (await Scenario.JsonAsync(other)).GetProperty("title").GetString());
        Assert.Equal(1, (await scenario.QuoteAsync(caseId)).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task WithoutKey_TwoSends_AreTwoLines_AsBefore()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();

        Assert.Equal(HttpStatusCode.Created, (await scenario.AddCustomAsync(caseId)).StatusCode);
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddCustomAsync(caseId)).StatusCode);

        Assert.Equal(2, (await scenario.QuoteAsync(caseId)).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task TwoSendsAtOnce_SameKey_AddOneCatalogueLine_TheOtherGetsItsAnswerOr409()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var lesson = await scenario.LessonAsync();
        var agent = scenario.Agent;
        var key = Guid.NewGuid().ToString();
        var body = new { productId = lesson, from = Scenario.Arrival.ToString("yyyy-MM-dd"), to = Scenario.Arrival.AddDays(4).ToString("yyyy-MM-dd"), quantity = 1, participants = 2 };

        var answers = await Task.WhenAll(Enumerable.Range(0, 4).Select(_ => agent.PostWithKeyAsync($"/api/quotes/by-request/{caseId}/lines", key, body)));

        Assert.Single(answers, a => a.StatusCode == HttpStatusCode.Created && !a.WasReplayed());
        Assert.All(answers, a => Assert.True(
            a.StatusCode == HttpStatusCode.Conflict || (a.StatusCode == HttpStatusCode.Created), $"{a.StatusCode}: {a.Content.ReadAsStringAsync().Result}"));
        Assert.Equal(1, (await scenario.QuoteAsync(caseId)).GetProperty("lines").GetArrayLength());
    }

    [Fact]
    public async Task SendingTheQuote_SameKey_AnswersTheSameTwice()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var agent = scenario.Agent;
        var quoteId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();
        await agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "Lyon", email = "elodie@example.fr" });
        var key = Guid.NewGuid().ToString();

        using var first = await agent.PostWithKeyAsync($"/api/quotes/{quoteId}/send", key);
        using var second = await agent.PostWithKeyAsync($"/api/quotes/{quoteId}/send", key);

        Assert.True(first.IsSuccessStatusCode, await first.Content.ReadAsStringAsync());
        Assert.Equal((first.StatusCode, true), (second.StatusCode, second.WasReplayed()));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteSent' AND payload->>'quoteId' = @p0", quoteId.ToString()));
    }

    private static object Basket(long unitPriceCents) => new
    {
        label = "Panier garni à l'arrivée", description = "Produits du terroir", quantity = 1, unitPriceCents, vatRateBasisPoints = 2000,
    };
}
