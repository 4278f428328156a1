using System.Net;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>Two agents at once: the last unit goes to one of them; twenty quotes created at once get numbers 1 to 20.</summary>
public sealed class ConcurrencyTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    [Fact]
    public async Task LastUnit_TwoAgentsAtOnce_OneGetsIt_TheOtherA409InFrench()
    {
        var provider = await Scenario.NewAsync(factory);
        var office = await Scenario.NewAsync(factory, "BookingOffice");
        var chalet = await provider.ChaletAsync(stock: 1);
        var first = await provider.CaseAsync();
        var second = await office.CaseAsync();

        var responses = await Task.WhenAll(provider.AddLineAsync(first, chalet), office.AddLineAsync(second, chalet));

        Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Created);
        var refused = Assert.Single(responses, r => r.StatusCode == HttpStatusCode.Conflict);
        Assert.Contains("est complet le", (await Scenario.JsonAsync(refused)).GetProperty("title").GetString(), StringComparison.Ordinal);
        Assert.Equal(7, await factory.CountAsync("SELECT count(*) FROM availability WHERE \"ProductId\" = @p0 AND \"Held\" = 1", chalet));
        // Nothing half-stored: one quote, one line, one event, whoever lost.
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" IN (@p0, @p1)", first, second));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quote_lines WHERE \"ProductId\" = @p0", chalet));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'requestId' IN (@p0, @p1)", first.ToString(), second.ToString()));
    }

    [Fact]
    public async Task LastUnit_SameCaseTwiceAtOnce_OneLineOnly()
    {
        var scenario = await Scenario.NewAsync(factory);
        var chalet = await scenario.ChaletAsync(stock: 1);
        var caseId = await scenario.CaseAsync();

        var responses = await Task.WhenAll(scenario.AddLineAsync(caseId, chalet), scenario.AddLineAsync(caseId, chalet));

        Assert.Equal([HttpStatusCode.Created, HttpStatusCode.Conflict], responses.Select(r => r.StatusCode).Order());
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quotes WHERE \"RequestId\" = @p0", caseId));
    }

    [Fact]
    public async Task Numbering_TwentyQuotesCreatedAtOnce_AreOneToTwentyWithoutGapOrDuplicate()
    {
        var scenario = await Scenario.NewAsync(factory, prefix: "NUM");
        var cases = new List<Guid>();
        for (var i = 0; i < 20; i++)
        {
            cases.Add(await scenario.CaseAsync());
        }

        var responses = await Task.WhenAll(cases.Select(c => scenario.AddCustomAsync(c)));

        Assert.All(responses, r => Assert.Equal(HttpStatusCode.Created, r.StatusCode));
        var numbers = new List<string>();
        foreach (var response in responses)
        {
            numbers.Add((await Scenario.JsonAsync(response)).GetProperty("number").GetString()!);
        }

        var year = numbers[0].Split('-')[1];
        Assert.Equal(Enumerable.Range(1, 20).Select(n => $"NUM-{year}-{n:00000}"), numbers.Order());
    }

    [Fact]
    public async Task Numbering_ARefusedFirstLine_GivesItsNumberBack()
    {
        var scenario = await Scenario.NewAsync(factory, prefix: "GAP");
        var chalet = await scenario.ChaletAsync(stock: 1);
        var taken = await scenario.CaseAsync();
        var refused = await scenario.CaseAsync();
        var next = await scenario.CaseAsync();

        Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(taken, chalet)).StatusCode);
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.AddLineAsync(refused, chalet)).StatusCode);
        var number = (await Scenario.JsonAsync(await scenario.AddCustomAsync(next))).GetProperty("number").GetString();

        Assert.EndsWith("-00002", number, StringComparison.Ordinal);
    }
}
