using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.System;

/// <summary>A quote built from the catalogue and « Divers » and sent, through the real services: its email with the PDF reaches the SMTP server.</summary>
[Collection(SystemCollection.Name)]
public sealed class QuoteEmailTests(SystemFixture system)
{
    [Fact]
    public async Task TwoCatalogueLinesAndADivers_Sent_TheEmailWithThePdfIsInTheSmtpServer()
    {
        var email = $"envoi-devis-{Guid.NewGuid():N}@example.fr";
        var id = await RequestToCaseTests.PostRequestAsync(system.Gateway(), email);
        var staff = await RequestToCaseTests.StaffClientAsync(system, "agent@valneve-office.test");
        Assert.True(await Eventually.TrueAsync(async () =>
            (await staff.GetAsync($"/api/quotes/by-request/{id}/offers?type=Accommodation")).StatusCode == HttpStatusCode.OK, TimeSpan.FromSeconds(30)));

        foreach (var type in new[] { "Accommodation", "LiftPass" })
        {
            var offer = (await staff.GetFromJsonAsync<JsonElement>($"/api/quotes/by-request/{id}/offers?type={type}")).EnumerateArray().First(o => o.GetProperty("available").GetBoolean());
            var added = await staff.PostAsJsonAsync($"/api/quotes/by-request/{id}/lines", new
            {
                productId = offer.GetProperty("productId").GetGuid(), from = offer.GetProperty("from").GetString(), to = offer.GetProperty("to").GetString(),
                quantity = offer.GetProperty("quantity").GetInt32(), participants = offer.GetProperty("participants").GetInt32(),
            });
            Assert.True(added.StatusCode == HttpStatusCode.Created, await added.Content.ReadAsStringAsync());
        }

        var divers = await staff.PostAsJsonAsync($"/api/quotes/by-request/{id}/custom-lines", new { label = "Panier garni", quantity = 1, unitPriceCents = 4_500, vatRateBasisPoints = 550 });
        var quote = await divers.Content.ReadFromJsonAsync<JsonElement>();
        var quoteId = quote.GetProperty("id").GetGuid();
        var number = quote.GetProperty("number").GetString()!;
        // The lift pass makes one line per age band: at least the two products and the « Divers ».
        var labels = quote.GetProperty("lines").EnumerateArray().Select(l => l.GetProperty("label").GetString()).ToList();
        Assert.True(labels.Count >= 3, string.Join(" | ", labels));
        Assert.Contains("Panier garni", labels);
        Assert.True((await staff.PutAsJsonAsync($"/api/quotes/{quoteId}/customer", new { name = "Élodie Martin", address = "1 rue Haute\n73000 Chambéry", email })).IsSuccessStatusCode);
        var sent = await staff.PostAsync($"/api/quotes/{quoteId}/send", null);
        Assert.True(sent.IsSuccessStatusCode, await sent.Content.ReadAsStringAsync());

        using var mail = new MailCatcher(system);
        var message = await mail.WaitForAsync(email, $"Votre devis {number}");
        var source = await mail.SourceAsync(message.Id);
        Assert.Contains("application/pdf", source, StringComparison.Ordinal);
        Assert.Contains($"{number}.pdf", source, StringComparison.Ordinal);
        Assert.Contains("JVBERi0", source, StringComparison.Ordinal);
        Assert.Contains("/espace/", message.PlainText, StringComparison.Ordinal);
    }
}
