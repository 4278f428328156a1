using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using CommercialManagement.ServiceDefaults.Input;
using CommercialManagement.TestKit;

namespace CommercialManagement.Inbox.ServiceTests;

/// <summary>Every intake refusal: its status, its message, and nothing stored.</summary>
public sealed class IntakeRulesTests(InboxFactory factory) : IClassFixture<InboxFactory>
{
    private static string Today => DateOnly.FromDateTime(TimeZoneInfo.ConvertTime(DateTimeOffset.UtcNow, TimeZoneInfo.FindSystemTimeZoneById("Europe/Paris")).DateTime).ToString("yyyy-MM-dd");

    private static Dictionary<string, object?> Body(string email) =>
        JsonSerializer.Deserialize<Dictionary<string, object?>>(JsonSerializer.Serialize(SampleRequests.Valid(email)))!;

    private async Task<(HttpStatusCode Status, JsonElement Problem)> PostAsync(object body, string? clientAddress = null)
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/public/requests") { Content = JsonContent.Create(body) };
        request.Headers.Add("X-Forwarded-For", clientAddress ?? $"203.0.113.{Random.Shared.Next(1, 250)}");
        var response = await factory.CreateClient().SendAsync(request);
        var text = await response.Content.ReadAsStringAsync();
        return (response.StatusCode, text.Length > 0 ? JsonDocument.Parse(text).RootElement : default);
    }

    private Task<long> StoredAsync(string email) =>
        factory.CountAsync("SELECT count(*) FROM requests WHERE \"CustomerEmail\" = @p0", email);

    public static TheoryData<string, string, object?, string> Refusals() => new()
    {
        { "name", "name", new string('a', 201), "Le nom ne doit pas dépasser 200 caractères." },
        { "message", "message", new string('m', 5001), "Le message ne doit pas dépasser 5000 caractères." },
        { "email", "email", "elodie@", "L'adresse e-mail n'est pas valide (exemple : nom@domaine.fr)." },
        { "phone", "phone", "appelez-moi", "Le numéro de téléphone n'est pas valide (exemple : +33 6 12 34 56 78)." },
        { "arrival", "arrival", "2020-01-04", "La date d'arrivée ne peut pas être passée." },
        { "departure", "departure", "2027-02-10", "La date de départ doit être après la date d'arrivée." },
        { "nights", "departure", "2027-05-01", "Le séjour ne peut pas dépasser 60 nuits." },
        { "people", "adults", 29, "Un séjour compte au plus 30 personnes." },
        { "no adult", "adults", 0, "Il faut au moins un adulte." },
        { "consent", "consent", false, "Le consentement à être recontacté est obligatoire." },
        { "nul in the name", "name", "Élodie\u0000Martin", InputText.Refusal },
        { "control character in the message", "message", "Bonjour\u001b[31m", InputText.Refusal },
        { "nul in the site key", "siteKey", "site\u0000", InputText.Refusal },
        // 2,147,483,647 adults and two children used to wrap below the 30-person limit and be accepted.
        { "a link in the name", "name", "Bonjour Cliquez ici http://phish.example", "Le nom ne peut contenir ni adresse web ni balise (< >) : indiquez seulement vos nom et prénom." },
        { "a bare domain in the name", "name", "Gagnez sur promo-hiver.com", "Le nom ne peut contenir ni adresse web ni balise (< >) : indiquez seulement vos nom et prénom." },
        { "www in the name", "name", "Paul www.promo", "Le nom ne peut contenir ni adresse web ni balise (< >) : indiquez seulement vos nom et prénom." },
        { "markup in the name", "name", "Jean <b>Martin</b>", "Le nom ne peut contenir ni adresse web ni balise (< >) : indiquez seulement vos nom et prénom." },
        { "adults overflowing", "adults", int.MaxValue, "Un séjour compte au plus 30 personnes." },
        { "adults beyond an int", "adults", 2_147_483_648L, InputProblems.WrongShape },
        { "adults as text", "adults", "deux", InputProblems.WrongShape },
    };

    [Theory]
    [MemberData(nameof(Refusals))]
    public async Task SubmitRequest_BreakingARule_Is400NamingTheFieldAndStoresNothing(string rule, string field, object? value, string message)
    {
        var email = $"rule-{rule.Replace(' ', '-')}@example.fr";
        var body = Body(email);
        body[field] = value;

        var (status, problem) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.BadRequest, status);
        Assert.Equal(message, problem.GetProperty("errors").GetProperty(field)[0].GetString());
        Assert.Equal(0, await StoredAsync(field == "email" ? "elodie@" : email));
    }

    [Theory]
    [InlineData("\\ud800", "a lone high surrogate")]
    [InlineData("\\udc00", "a lone low surrogate")]
    [InlineData("\\u0000", "NUL")]
    public async Task SubmitRequest_WithAnEscapedCharacterNoTextMayHold_Is400NamingTheFieldAndStoresNothing(string escaped, string what)
    {
        var email = $"escaped-{Guid.NewGuid():N}@example.fr";
        var json = JsonSerializer.Serialize(Body(email)).Replace("\"message\":\"", $"\"message\":\"Bonjour {escaped}", StringComparison.Ordinal);
        using var request = new HttpRequestMessage(HttpMethod.Post, "/public/requests") { Content = new StringContent(json, Encoding.UTF8, "application/json") };
        request.Headers.Add("X-Forwarded-For", $"203.0.113.{Random.Shared.Next(1, 250)}");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.True(response.StatusCode == HttpStatusCode.BadRequest, what);
        var problem = JsonDocument.Parse(await response.Content.ReadAsStringAsync()).RootElement;
        Assert.Equal(InputText.Refusal, problem.GetProperty("errors").GetProperty("message")[0].GetString());
        Assert.Equal(0, await StoredAsync(email));
    }

    [Theory]
    [InlineData("Jean-Pierre O'Brien")]
    [InlineData("J.-P. Martin")]
    [InlineData("Zoë Dupont-Lefèvre")]
    [InlineData("Mme St. Clair")]
    [InlineData("Ørjan Nåvik")]
    public async Task SubmitRequest_WithAnOrdinaryNameHoldingDotsOrApostrophes_IsAccepted(string name)
    {
        var body = Body($"nom-{Guid.NewGuid():N}@example.fr");
        body["name"] = name;

        var (status, _) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task SubmitRequest_ArrivingToday_IsAccepted()
    {
        var body = Body("today@example.fr");
        body["arrival"] = Today;
        body["departure"] = DateOnly.Parse(Today, System.Globalization.CultureInfo.InvariantCulture).AddDays(3).ToString("yyyy-MM-dd");

        var (status, _) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, status);
    }

    [Fact]
    public async Task SubmitRequest_Over64KB_Is413BeforeParsingAndStoresNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/public/requests")
        {
            Content = new StringContent("{\"name\":\"" + new string('x', 70_000) + "\",\"email\":\"big@example.fr\"}", Encoding.UTF8, "application/json"),
        };

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Equal(0, await StoredAsync("big@example.fr"));
    }

    [Fact]
    public async Task SubmitRequest_HoneypotFilled_Gets202AndNothingIsStoredOrPublished()
    {
        var body = Body("bot@example.fr");
        body["homepage"] = "http://spam.example";

        var (status, answer) = await PostAsync(body);

        Assert.Equal(HttpStatusCode.Accepted, status);
        Assert.NotEqual(Guid.Empty, answer.GetProperty("id").GetGuid());
        Assert.Equal(0, await StoredAsync("bot@example.fr"));
        Assert.Equal(0, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'customerEmail' = 'bot@example.fr'"));
    }

    [Fact]
    public async Task SubmitRequest_SentTwiceWithinTenMinutes_IsOneRequestWithTheSameId()
    {
        var body = Body("twice@example.fr");

        var first = await PostAsync(body);
        var second = await PostAsync(body);
        body["message"] = "Une autre question";
        var other = await PostAsync(body);

        Assert.Equal(first.Problem.GetProperty("id").GetGuid(), second.Problem.GetProperty("id").GetGuid());
        Assert.NotEqual(first.Problem.GetProperty("id").GetGuid(), other.Problem.GetProperty("id").GetGuid());
        Assert.Equal(2, await StoredAsync("twice@example.fr"));
        Assert.Equal(2, await factory.CountAsync("SELECT count(*) FROM outbox_messages WHERE payload->>'customerEmail' = 'twice@example.fr'"));
    }

    [Fact]
    public async Task SubmitRequest_DoubleClick_TwoAtOnceAreOneRequest()
    {
        var body = Body("double@example.fr");

        var answers = await Task.WhenAll(PostAsync(body), PostAsync(body), PostAsync(body));

        Assert.Single(answers.Select(a => a.Problem.GetProperty("id").GetGuid()).Distinct());
        Assert.Equal(1, await StoredAsync("double@example.fr"));
    }

    [Fact]
    public async Task SubmitRequest_MoreThan20From_OneAddress_Is429WithAFrenchMessage()
    {
        const string address = "198.51.100.7";
        var statuses = new List<HttpStatusCode>();
        for (var i = 0; i < 21; i++)
        {
            statuses.Add((await PostAsync(Body($"burst-{i}@example.fr"), address)).Status);
        }

        var (status, problem) = await PostAsync(Body("burst-last@example.fr"), address);
        var (otherAddress, _) = await PostAsync(Body("burst-other@example.fr"), "198.51.100.8");

        Assert.All(statuses.Take(20), s => Assert.Equal(HttpStatusCode.Accepted, s));
        Assert.Equal(HttpStatusCode.TooManyRequests, statuses[20]);
        Assert.Equal(HttpStatusCode.TooManyRequests, status);
        Assert.Equal("Trop de demandes envoyées depuis cette adresse.", problem.GetProperty("title").GetString());
        Assert.Equal(0, await StoredAsync("burst-last@example.fr"));
        Assert.Equal(HttpStatusCode.Accepted, otherAddress);
    }

    [Fact]
    public async Task Preflight_FromAnAllowedOrigin_IsPermitted()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/public/requests");
        request.Headers.Add("Origin", "http://localhost:5102");
        request.Headers.Add("Access-Control-Request-Method", "POST");
        request.Headers.Add("Access-Control-Request-Headers", "content-type");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal("http://localhost:5102", response.Headers.GetValues("Access-Control-Allow-Origin").Single());
    }

    [Fact]
    public async Task Preflight_FromAForeignOrigin_GetsNoCorsPermission()
    {
        using var request = new HttpRequestMessage(HttpMethod.Options, "/public/requests");
        request.Headers.Add("Origin", "https://evil.example");
        request.Headers.Add("Access-Control-Request-Method", "POST");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
    }

    [Fact]
    public async Task SubmitRequest_FromAnOriginTheSiteDoesNotAllow_Is403AndStoresNothing()
    {
        using var request = new HttpRequestMessage(HttpMethod.Post, "/public/requests") { Content = JsonContent.Create(SampleRequests.Valid("foreign@example.fr")) };
        request.Headers.Add("Origin", "https://evil.example");

        var response = await factory.CreateClient().SendAsync(request);

        Assert.Equal(HttpStatusCode.Forbidden, response.StatusCode);
        Assert.False(response.Headers.Contains("Access-Control-Allow-Origin"));
        Assert.Equal(0, await StoredAsync("foreign@example.fr"));
    }
}
