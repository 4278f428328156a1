using System.Net;
using System.Net.Http.Json;
using CommercialManagement.Quote.Api.Scheduling;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// <c>draft-hold-release</c> (issue 17) on the moved clock: a draft never sent nor changed for 7 days gives back its places
/// once; the draft stays, and sending it later holds them again, or is refused with the reason when they are gone.
/// </summary>
public sealed class DraftHoldReleaseJobTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    internal static Task<long> ReleasedEventsAsync(ServiceFactory<Program> factory, Guid quoteId) =>
        factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteDraftPlacesReleased' AND payload->>'quoteId' = @p0", quoteId.ToString());

    /// <summary>A draft holding the chalet (stock 1) for the stay, its customer complete, made on 20 November.</summary>
    internal static async Task<(Guid Case, Guid Quote, Guid Chalet)> DraftAsync(Scenario scenario)
    {
        var caseId = await scenario.CaseAsync();
        var chalet = await scenario.ChaletAsync(stock: 1);
        var quoteId = (await Scenario.JsonAsync(await scenario.AddLineAsync(caseId, chalet))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "3 rue des Alpes, 69000 Lyon", email = "elodie@example.fr" });
        return (caseId, quoteId, chalet);
    }

    private async Task<int> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<DraftHoldRelease>().RunAsync(CancellationToken.None);
    }

    private async Task AfterAsync(TimeSpan by, Func<Task> test)
    {
        factory.Clock.Advance(by);
        try
        {
            await test();
        }
        finally
        {
            factory.Clock.Advance(-by);
        }
    }

    [Fact]
    public async Task ADraftUnsentForSevenDays_GivesItsPlacesBackOnce_AndSendingItHoldsThemAgain()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await DraftAsync(scenario);
        Assert.Equal(7, await QuoteExpiryJobTests.HeldAsync(factory, chalet));

        await AfterAsync(TimeSpan.FromDays(6), async () =>
        {
            await RunAsync();
            Assert.Equal(0, await ReleasedEventsAsync(factory, quoteId));
        });

        await AfterAsync(TimeSpan.FromDays(8), async () =>
        {
            await RunAsync();
            await RunAsync();
            Assert.Equal(1, await ReleasedEventsAsync(factory, quoteId));
            Assert.Equal(0, await QuoteExpiryJobTests.HeldAsync(factory, chalet));
            var draft = await scenario.QuoteAsync(caseId);
            Assert.Equal("Draft", draft.GetProperty("state").GetString());
            Assert.NotEqual(System.Text.Json.JsonValueKind.Null, draft.GetProperty("placesReleasedAt").ValueKind);

            var sent = await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null);

            Assert.Equal(HttpStatusCode.OK, sent.StatusCode);
            Assert.Equal(7, await QuoteExpiryJobTests.HeldAsync(factory, chalet));
            var quote = await Scenario.JsonAsync(sent);
            Assert.Equal("Sent", quote.GetProperty("state").GetString());
            Assert.Equal(System.Text.Json.JsonValueKind.Null, quote.GetProperty("placesReleasedAt").ValueKind);
        });
    }

    [Fact]
    public async Task SendingAReleasedDraft_WhosePlacesAreGone_Is409_WithTheReason()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await DraftAsync(scenario);

        await AfterAsync(TimeSpan.FromDays(8), async () =>
        {
            await RunAsync();
            var other = await scenario.CaseAsync();
            Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(other, chalet)).StatusCode);

            var sent = await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null);

            Assert.Equal(HttpStatusCode.Conflict, sent.StatusCode);
            Assert.StartsWith("Les places de ce brouillon ont été libérées faute d'envoi, et ne sont plus toutes disponibles : « Chalet des Cimes » est complet le 13/02/2027.",
                (await Scenario.JsonAsync(sent)).GetProperty("title").GetString());
            Assert.Equal("Draft", (await scenario.QuoteAsync(caseId)).GetProperty("state").GetString());
            Assert.Equal(7, await QuoteExpiryJobTests.HeldAsync(factory, chalet));
        });
    }

    [Fact]
    public async Task ChangingAReleasedDraft_WhoseLastNightIsGone_FlagsTheLine_AndHoldsNoNightForNobody()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (_, quoteId, chalet) = await DraftAsync(scenario);

        await AfterAsync(TimeSpan.FromDays(8), async () =>
        {
            await RunAsync();
            // Another case takes the stay's last night only: the first six are still free.
            var other = await scenario.CaseAsync();
            var lastNight = Scenario.Departure.AddDays(-1);
            Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(other, chalet, lastNight.ToString("yyyy-MM-dd"), Scenario.Departure.ToString("yyyy-MM-dd"))).StatusCode);

            var changed = await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin-Roux", address = "3 rue des Alpes, 69000 Lyon", email = "elodie@example.fr" });

            Assert.True(changed.IsSuccessStatusCode, await changed.Content.ReadAsStringAsync());
            var line = (await Scenario.JsonAsync(changed)).GetProperty("lines").EnumerateArray().Single();
            Assert.Contains("complet le 19/02/2027", line.GetProperty("problem").GetString(), StringComparison.Ordinal);
            // The draft's line could not have all its nights back: it holds none, rather than six held by nobody.
            Assert.Equal(1, await QuoteExpiryJobTests.HeldAsync(factory, chalet));
        });
    }
}
