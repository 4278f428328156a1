using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.Contracts.Quote;

namespace CommercialManagement.Quote.ServiceTests;

/// <summary>
/// « Modifier la commande » (issue 16): an accepted quote amended, sent, accepted again by the customer in the space
/// (<c>QuoteAccepted</c> again for the same quote, with the new version, total and content), or abandoned; the places
/// follow the lines, the accepted order keeping its own until the customer accepts.
/// </summary>
public sealed class AmendmentTests(QuoteFactory factory) : IClassFixture<QuoteFactory>
{
    /// <summary>A case whose quote holds the chalet (stock 1) for the week, sent and accepted by the customer online.</summary>
    private async Task<(Scenario Scenario, Guid Case, Guid Quote, Guid Chalet, HttpClient Customer)> AcceptedAsync()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var chalet = await scenario.ChaletAsync(stock: 1);
        var quoteId = (await Scenario.JsonAsync(await scenario.AddLineAsync(caseId, chalet))).GetProperty("id").GetGuid();
        await scenario.Agent.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "3 rue des Alpes, 69000 Lyon", email = "elodie@example.fr" });
        Assert.Equal(HttpStatusCode.OK, (await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null)).StatusCode);
        var customer = factory.CreateCustomerClient(scenario.OrganisationId, caseId);
        var accepted = await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 1, termsAccepted = true, from = "203.0.113.9" });
        Assert.True(accepted.IsSuccessStatusCode, await accepted.Content.ReadAsStringAsync());
        Assert.Equal(7, await HeldAsync(chalet));
        return (scenario, caseId, quoteId, chalet, customer);
    }

    private Task<long> HeldAsync(Guid productId) =>
        factory.CountAsync("SELECT coalesce(sum(\"Held\"), 0) FROM availability WHERE \"ProductId\" = @p0", productId);

    private static async Task<JsonElement> OkAsync(HttpResponseMessage response)
    {
        Assert.True(response.IsSuccessStatusCode, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return await Scenario.JsonAsync(response);
    }

    private static async Task<string> ConflictAsync(HttpResponseMessage response)
    {
        Assert.True(response.StatusCode == HttpStatusCode.Conflict, $"{(int)response.StatusCode}: {await response.Content.ReadAsStringAsync()}");
        return (await Scenario.JsonAsync(response)).GetProperty("title").GetString()!;
    }

    [Fact]
    public async Task Amendment_AddedLessons_Sent_AcceptedByTheCustomer_PublishesQuoteAcceptedAgain_WithTheNewVersionAndContent()
    {
        var (scenario, caseId, quoteId, chalet, customer) = await AcceptedAsync();
        var lesson = await scenario.LessonAsync(capacity: 10);
        var acceptedTotal = (await scenario.QuoteAsync(caseId)).GetProperty("totals").GetProperty("totalCents").GetInt64();

        var opened = await OkAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/amendment", null));
        Assert.Equal(("Draft", 2), (opened.GetProperty("state").GetString(), opened.GetProperty("version").GetInt32()));
        Assert.Equal(acceptedTotal, opened.GetProperty("amendment").GetProperty("acceptedTotalCents").GetInt64());

        // While staff prepare it, the customer still reads the order they accepted.
        var meanwhile = await customer.GetFromJsonAsync<JsonElement>("/customer/quote");
        Assert.Equal(("Accepted", 1, acceptedTotal, false), (meanwhile.GetProperty("state").GetString(), meanwhile.GetProperty("version").GetInt32(),
            meanwhile.GetProperty("totalCents").GetInt64(), meanwhile.GetProperty("canAccept").GetBoolean()));
        Assert.Equal("application/pdf", (await customer.GetAsync("/customer/quote/pdf")).Content.Headers.ContentType?.MediaType);

        // Two children's lessons on three days: their places are held at once (2 a day).
        var added = await scenario.AddLineAsync(caseId, lesson, "2027-02-15", "2027-02-17", quantity: 2, participants: 2);
        Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        Assert.Equal(6, await HeldAsync(lesson));
        Assert.Equal(7, await HeldAsync(chalet));
        var amended = await scenario.QuoteAsync(caseId);
        var newTotal = amended.GetProperty("totals").GetProperty("totalCents").GetInt64();
        Assert.Equal(acceptedTotal + 24_000, newTotal);
        Assert.Equal(24_000, amended.GetProperty("amendment").GetProperty("differenceCents").GetInt64());

        await OkAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null));
        var sent = await factory.PublishedAsync<QuoteSent>(e => e.QuoteId == quoteId && e.Version == 2);
        Assert.Equal((newTotal, acceptedTotal), (sent.TotalCents, sent.PreviousTotalCents!.Value));

        var shown = await customer.GetFromJsonAsync<JsonElement>("/customer/quote");
        Assert.Equal(("Sent", 2, true), (shown.GetProperty("state").GetString(), shown.GetProperty("version").GetInt32(), shown.GetProperty("canAccept").GetBoolean()));
        var amendment = shown.GetProperty("amendment");
        Assert.Equal((1, acceptedTotal, newTotal, 24_000L), (amendment.GetProperty("acceptedVersion").GetInt32(), amendment.GetProperty("acceptedTotalCents").GetInt64(),
            amendment.GetProperty("newTotalCents").GetInt64(), amendment.GetProperty("differenceCents").GetInt64()));

        // The customer cannot refuse it (the accepted order stands), only accept it, its current version, terms ticked.
        Assert.Contains("ne se refuse pas", await ConflictAsync(await customer.PostAsJsonAsync("/customer/quote/refusal", new { quoteId, reason = "Non" })), StringComparison.Ordinal);
        await OkAsync(await customer.PostAsJsonAsync("/customer/quote/acceptance", new { quoteId, version = 2, termsAccepted = true, from = "203.0.113.9" }));

        var published = await factory.PublishedAsync<QuoteAccepted>(e => e.QuoteId == quoteId && e.Version == 2);
        Assert.Equal(("Customer", caseId, newTotal, acceptedTotal), (published.AcceptedBy, published.RequestId, published.TotalCents, published.PreviousTotalCents!.Value));
        Assert.Equal(newTotal, published.Content!.TotalCents);
        Assert.Equal(2, published.Content.Lines.Count);
        Assert.Contains(published.Content.Lines, l => l.Label.Contains("Cours collectif enfant", StringComparison.Ordinal) && l.Quantity == 2);
        var first = await factory.PublishedAsync<QuoteAccepted>(e => e.QuoteId == quoteId && e.Version == 1);
        Assert.Null(first.PreviousTotalCents);

        var quote = await scenario.QuoteAsync(caseId);
        Assert.Equal(("Accepted", 2, 2), (quote.GetProperty("state").GetString(), quote.GetProperty("version").GetInt32(), quote.GetProperty("acceptance").GetProperty("version").GetInt32()));
        Assert.Equal(JsonValueKind.Null, quote.GetProperty("amendment").ValueKind);
        Assert.Equal((6L, 7L), (await HeldAsync(lesson), await HeldAsync(chalet)));
    }

    [Fact]
    public async Task RemovingANight_OfAFullChalet_KeepsTheAcceptedNightsUntilAcceptance_AndAbandonPutsAllBack()
    {
        var (scenario, caseId, quoteId, chalet, _) = await AcceptedAsync();
        var acceptedTotal = (await scenario.QuoteAsync(caseId)).GetProperty("totals").GetProperty("totalCents").GetInt64();

        // The chalet's only unit is the customer's: the amendment's six nights reuse the accepted order's places.
        var opened = await OkAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/amendment", null));
        var lineId = opened.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await OkAsync(await scenario.Agent.DeleteAsync($"/api/quotes/{quoteId}/lines/{lineId}"));
        Assert.Equal(7, await HeldAsync(chalet));
        // « Ajouter une prestation » offers the chalet again to this case (its own places), never to another.
        var offers = await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{caseId}/offers?type=Accommodation&productId={chalet}");
        Assert.True(offers[0].GetProperty("available").GetBoolean(), offers.ToString());
        var sixNights = await scenario.AddLineAsync(caseId, chalet, to: Scenario.Departure.AddDays(-1).ToString("yyyy-MM-dd"));
        Assert.True(sixNights.StatusCode == HttpStatusCode.Created, await sixNights.Content.ReadAsStringAsync());
        Assert.Equal(7, await HeldAsync(chalet));

        // No one else gets the seventh night while the customer may still keep their order.
        var other = await scenario.CaseAsync();
        var othersOffer = await scenario.Agent.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{other}/offers?type=Accommodation&productId={chalet}");
        Assert.False(othersOffer[0].GetProperty("available").GetBoolean());
        Assert.Equal(HttpStatusCode.Conflict, (await scenario.AddLineAsync(other, chalet, from: Scenario.Departure.AddDays(-1).ToString("yyyy-MM-dd"))).StatusCode);

        // Abandoned: the accepted version as it was, its seven nights held, the amendment kept read-only in the history.
        var abandoned = await OkAsync(await scenario.Agent.DeleteAsync($"/api/quotes/{quoteId}/amendment"));
        Assert.Equal(("Accepted", 1, acceptedTotal), (abandoned.GetProperty("state").GetString(), abandoned.GetProperty("version").GetInt32(),
            abandoned.GetProperty("totals").GetProperty("totalCents").GetInt64()));
        Assert.Equal(2, Assert.Single(abandoned.GetProperty("previousVersions").EnumerateArray()).GetProperty("version").GetInt32());
        Assert.Equal(7, await HeldAsync(chalet));
        Assert.Equal(1, await factory.CountAsync("SELECT count(*) FROM quote_versions WHERE \"QuoteId\" = @p0", quoteId));

        // Again (version 3: version 2 is never reused), accepted by phone this time: the seventh night goes back on sale, and another case takes it.
        opened = await OkAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/amendment", null));
        Assert.Equal(3, opened.GetProperty("version").GetInt32());
        lineId = opened.GetProperty("lines")[0].GetProperty("id").GetGuid();
        await OkAsync(await scenario.Agent.DeleteAsync($"/api/quotes/{quoteId}/lines/{lineId}"));
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(caseId, chalet, to: Scenario.Departure.AddDays(-1).ToString("yyyy-MM-dd"))).StatusCode);
        await OkAsync(await scenario.Agent.PostAsync($"/api/quotes/{quoteId}/send", null));
        await OkAsync(await scenario.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/acceptance", new { note = "Accord au téléphone" }));
        var published = await factory.PublishedAsync<QuoteAccepted>(e => e.QuoteId == quoteId && e.Version == 3);
        Assert.Equal(("Staff", acceptedTotal), (published.AcceptedBy, published.PreviousTotalCents!.Value));
        Assert.True(published.TotalCents < acceptedTotal);
        Assert.Equal(6, await HeldAsync(chalet));
        Assert.Equal(HttpStatusCode.Created, (await scenario.AddLineAsync(other, chalet, from: Scenario.Departure.AddDays(-1).ToString("yyyy-MM-dd"))).StatusCode);
        Assert.Equal(7, await HeldAsync(chalet));
    }

    [Fact]
    public async Task Amendment_IsRefused_OnAQuoteNotAccepted_Twice_OrWithdrawn_AndCancellingTheCase_GivesEveryPlaceBack()
    {
        var scenario = await Scenario.NewAsync(factory);
        var caseId = await scenario.CaseAsync();
        var draftId = (await Scenario.JsonAsync(await scenario.AddCustomAsync(caseId))).GetProperty("id").GetGuid();
        Assert.StartsWith("Seule une commande acceptée", await ConflictAsync(await scenario.Agent.PostAsync($"/api/quotes/{draftId}/amendment", null)), StringComparison.Ordinal);
        Assert.Contains("pas de modification en cours", await ConflictAsync(await scenario.Agent.DeleteAsync($"/api/quotes/{draftId}/amendment")), StringComparison.Ordinal);

        var (accepted, acceptedCase, quoteId, chalet, _) = await AcceptedAsync();
        Assert.Contains("Modifier la commande", await ConflictAsync(await accepted.AddCustomAsync(acceptedCase)), StringComparison.Ordinal);
        await OkAsync(await accepted.Agent.PostAsync($"/api/quotes/{quoteId}/amendment", null));
        Assert.Contains("déjà en cours", await ConflictAsync(await accepted.Agent.PostAsync($"/api/quotes/{quoteId}/amendment", null)), StringComparison.Ordinal);
        Assert.Contains("abandonnez la modification",
            await ConflictAsync(await accepted.Agent.PostAsJsonAsync($"/api/quotes/{quoteId}/void", new { reason = "Erreur" })), StringComparison.Ordinal);
        Assert.Equal(HttpStatusCode.NotFound, (await factory.CreateStaffClient(Guid.NewGuid()).PostAsync($"/api/quotes/{quoteId}/amendment", null)).StatusCode);

        // The case cancelled with its amendment open: the quote is voided, every place goes back.
        var lineId = (await accepted.QuoteAsync(acceptedCase)).GetProperty("lines")[0].GetProperty("id").GetGuid();
        await OkAsync(await accepted.Agent.DeleteAsync($"/api/quotes/{quoteId}/lines/{lineId}"));
        Assert.Equal(7, await HeldAsync(chalet));
        await accepted.PublishAsync(new CommercialManagement.Contracts.Payment.CaseCancelled
        {
            OrganisationId = accepted.OrganisationId, OccurredAt = DateTimeOffset.UtcNow, RequestId = acceptedCase, QuoteId = quoteId, QuoteNumber = "DEV",
            RequestedBy = "Customer", Reason = "Jambe cassée", DaysBeforeArrival = 70, RetainedCents = 0, RefundCents = 0, StaffName = "Camille Roche", Language = "fr",
        });
        await factory.PublishedAsync<QuoteVoided>(e => e.QuoteId == quoteId);
        Assert.Equal("Voided", (await accepted.QuoteAsync(acceptedCase)).GetProperty("state").GetString());
        Assert.Equal(0, await HeldAsync(chalet));
    }
}
