using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Identity;
using CommercialManagement.Quote.Api.Scheduling;
using CommercialManagement.TestKit;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// <c>quote-expiry</c> (issue 17) on the moved clock: a sent quote past its validity date becomes « Expirée », gives back
/// its places and publishes <c>QuoteExpired</c>, once however often the job runs; a quote still valid is left alone.
/// </summary>
public sealed class QuoteExpiryJobTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    /// <summary>A case whose quote holds the chalet (stock 1) for the stay, sent on 20 November: valid until 27 November.</summary>
    internal static async Task<(Guid Case, Guid Quote, Guid Chalet)> SentAsync(Scenario scenario)
    {
        var caseId = await scenario.CaseAsync();
        var chalet = await scenario.ChaletAsync(stock: 1);
        var quoteId = (await Scenario.JsonAsync(await scenario.AddLineAsync(caseId, chalet))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "3 rue des Alpes, 69000 Lyon", email = "elodie@example.fr" });
        var sent = await Scenario.JsonAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null));
        Assert.Equal("2026-11-27", sent.GetProperty("validUntil").GetString());
        return (caseId, quoteId, chalet);
    }

    internal static Task<long> HeldAsync(ServiceFactory<Program> factory, Guid productId) =>
        factory.CountAsync("SELECT coalesce(sum(\"Held\"), 0) FROM availability WHERE \"ProductId\" = @p0", productId);

    internal static Task<long> ExpiredEventsAsync(ServiceFactory<Program> factory, Guid quoteId) =>
        factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteExpired' AND payload->>'quoteId' = @p0", quoteId.ToString());

    private async Task<int> RunAsync()
    {
        await using var scope = factory.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<QuoteExpiry>().RunAsync(CancellationToken.None);
    }

    private async Task<T> AfterAsync<T>(TimeSpan by, Func<Task<T>> test)
    {
        factory.Clock.Advance(by);
        try
        {
            return await test();
        }
        finally
        {
            factory.Clock.Advance(-by);
        }
    }

    [Fact]
    public async Task ASentQuotePastItsDate_Expires_GivesItsPlacesBack_AndIsAnnouncedOnce()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await SentAsync(scenario);
        Assert.Equal(7, await HeldAsync(factory, chalet));

        // 27 November is its last day: still valid that day, expired the night after.
        Assert.Equal(0, await AfterAsync(TimeSpan.FromDays(7), async () =>
        {
            await RunAsync();
            return await ExpiredEventsAsync(factory, quoteId);
        }));
        Assert.Equal("Sent", (await scenario.QuoteAsync(caseId)).GetProperty("state").GetString());

        await AfterAsync(TimeSpan.FromDays(8), async () =>
        {
            Assert.True(await RunAsync() >= 1);
            await RunAsync();

            var quote = await scenario.QuoteAsync(caseId);
            Assert.Equal("Expired", quote.GetProperty("state").GetString());
            Assert.Equal("expiré", quote.GetProperty("stateLabel").GetString());
            Assert.True(quote.GetProperty("expired").GetBoolean());
            Assert.Equal(0, await HeldAsync(factory, chalet));
            Assert.Equal(1, await ExpiredEventsAsync(factory, quoteId));
            Assert.Equal(1, await factory.CountAsync(
                "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteExpired' AND payload->>'quoteId' = @p0 AND (payload->>'emailCustomer')::boolean AND payload->>'validUntil' = '2026-11-27'",
                quoteId.ToString()));
            Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM scheduled_once WHERE subject_id = @p0 AND kind = 'quote-expiry'", quoteId));

            // The customer space: « Expirée », nothing to accept, and an acceptance is refused with the date.
            var customer = factory.CreateCustomerClient(scenario.OrganisationId, caseId);
            var seen = await customer.GetFromJsonAsync<JsonElement>("/customer/quote");
            Assert.Equal("Expired", seen.GetProperty("state").GetString());
            Assert.True(seen.GetProperty("expired").GetBoolean());
            Assert.False(seen.GetProperty("canAccept").GetBoolean());
            var accepted = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = true });
            Assert.Equal(HttpStatusCode.Conflict, accepted.StatusCode);
            Assert.Equal("Ce devis a expiré le 27/11/2026 : il ne peut plus être accepté.", (await Scenario.JsonAsync(accepted)).GetProperty("title").GetString());
            return 0;
        });
    }

    [Fact]
    public async Task TheOrganisationTurnedTheEmailOff_TheQuoteExpires_WithoutAnEmailToTheCustomer()
    {
        var scenario = await Scenario.NewAsync(factory);
        await scenario.PublishAsync(new OrganisationChanged
        {
            OrganisationId = scenario.OrganisationId, OccurredAt = DateTimeOffset.UtcNow.AddSeconds(1), Name = "Organisation", Kind = "AccommodationProvider",
            Address = "73500 Val Nevé", ContactEmail = "contact@example.fr", DepositPercentage = 30, BalanceDueDaysBeforeArrival = 30, QuoteValidityDays = 7,
            QuoteNumberPrefix = "DEV", TermsOfSale = "CGV", EmailSenderName = "Val Nevé", Schedule = new ScheduleSettings { QuoteExpiredEmail = false },
        });
        Assert.True(await Eventually.TrueAsync(async () => await factory.CountAsync(
            "SELECT count(*) FROM organisations WHERE \"OrganisationId\" = @p0 AND NOT (\"Schedule\"->>'quoteExpiredEmail')::boolean", scenario.OrganisationId) == 1,
            TimeSpan.FromSeconds(20)));
        var (_, quoteId, _) = await SentAsync(scenario);

        await AfterAsync(TimeSpan.FromDays(8), RunAsync);

        Assert.Equal(1, await factory.CountAsync(
            "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteExpired' AND payload->>'quoteId' = @p0 AND NOT (payload->>'emailCustomer')::boolean",
            quoteId.ToString()));
    }

    [Fact]
    public async Task ExtendingAnExpiredQuote_SendsItAgain_HoldsItsPlacesAgain_AndTellsTheHistory()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await SentAsync(scenario);

        await AfterAsync(TimeSpan.FromDays(8), async () =>
        {
            await RunAsync();
            Assert.Equal(0, await HeldAsync(factory, chalet));

            var response = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil = "2026-12-05" });

            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            var quote = await Scenario.JsonAsync(response);
            Assert.Equal("Sent", quote.GetProperty("state").GetString());
            Assert.False(quote.GetProperty("expired").GetBoolean());
            Assert.Equal("2026-12-05", quote.GetProperty("validUntil").GetString());
            Assert.Equal(7, await HeldAsync(factory, chalet));
            Assert.Equal(1, await factory.CountAsync(
                "SELECT count(*) FROM outbox_messages WHERE message_type LIKE '%QuoteValidityExtended' AND payload->>'quoteId' = @p0 AND (payload->>'wasExpired')::boolean AND payload->>'previousValidUntil' = '2026-11-27'",
                quoteId.ToString()));
            var customer = await factory.CreateCustomerClient(scenario.OrganisationId, caseId).GetFromJsonAsync<JsonElement>("/customer/quote");
            Assert.True(customer.GetProperty("canAccept").GetBoolean());
            return 0;
        });

        // It expires again after its new date: a new due date, a new expiry.
        await AfterAsync(TimeSpan.FromDays(16), async () =>
        {
            await RunAsync();
            Assert.Equal(2, await ExpiredEventsAsync(factory, quoteId));
            return 0;
        });
    }

    [Fact]
    public async Task ExtendingAnExpiredQuote_WhosePlacesAreTaken_Is409_WithTheReason_AndNothingChanges()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, chalet) = await SentAsync(scenario);

        await AfterAsync(TimeSpan.FromDays(8), async () =>
        {
            await RunAsync();
            var other = await scenario.CaseAsync();
            Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(other, chalet)).StatusCode);

            var response = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil = "2026-12-05" });

            Assert.Equal(HttpStatusCode.Conflict, response.StatusCode);
            Assert.StartsWith("Les places de ce devis ne sont plus toutes disponibles : « Chalet des Cimes » est complet le 13/02/2027.",
                (await Scenario.JsonAsync(response)).GetProperty("title").GetString());
            Assert.Equal("Expired", (await scenario.QuoteAsync(caseId)).GetProperty("state").GetString());
            Assert.Equal(7, await HeldAsync(factory, chalet));
            return 0;
        });
    }

    [Fact]
    public async Task ExtendingTheValidity_RefusesAPastDate_AnotherOrganisation_AndTheCustomer()
    {
        var scenario = await Scenario.NewAsync(factory);
        var (caseId, quoteId, _) = await SentAsync(scenario);

        var past = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil = "2026-11-19" });
        Assert.Equal(HttpStatusCode.BadRequest, past.StatusCode);
        Assert.True((await Scenario.JsonAsync(past)).GetProperty("errors").TryGetProperty("validUntil", out _));
        Assert.Equal(HttpStatusCode.BadRequest, (await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { })).StatusCode);

        var stranger = await Scenario.NewAsync(factory);
        Assert.Equal(HttpStatusCode.NotFound, (await stranger.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil = "2026-12-05" })).StatusCode);
        var customer = factory.CreateCustomerClient(scenario.OrganisationId, caseId);
        Assert.Contains((await customer.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil = "2026-12-05" })).StatusCode,
            new[] { HttpStatusCode.Unauthorized, HttpStatusCode.Forbidden });

        var extended = await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/validity", new { validUntil = "2026-12-04" });
        Assert.Equal(HttpStatusCode.OK, extended.StatusCode);
        Assert.Equal("2026-12-04", (await Scenario.JsonAsync(extended)).GetProperty("validUntil").GetString());
    }
}
