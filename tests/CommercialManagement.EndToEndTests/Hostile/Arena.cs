using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommercialManagement.TestKit;

namespace CommercialManagement.EndToEndTests.Hostile;

/// <summary>
/// The hostile suite's own data, in an organisation of the demo that the other journeys leave alone (Chalet des
/// Mélèzes): its admin's API token, a request with its dossier and customer space, a catalogue product, a quote with a
/// line, a website. Valid bodies are made from the route tables' shapes, so that a hostile field is the only wrong one.
/// </summary>
internal sealed partial class Arena
{
    private const string Admin = "admin@chalet-melezes.test";
    private const string Password = "Demo!2026";
    private const string SiteKey = "chalet-melezes-demo";

    public string Token { get; private set; } = "";
    public Guid UserId { get; private set; }
    public string UserName { get; private set; } = "";
    public Guid RequestId { get; private set; }
    public Guid QuoteId { get; private set; }
    public Guid LineId { get; private set; }
    public Guid ProductId { get; private set; }
    public Guid WebsiteId { get; private set; }
    public string SpaceToken { get; private set; } = "";
    public IReadOnlySet<string> Reads { get; private set; } = new HashSet<string>();

    public static async Task<Arena> CreateAsync(HttpClient gateway, IReadOnlyList<Operation> operations)
    {
        var arena = new Arena
        {
            Reads = operations.Where(o => o.Method == "GET" && o.Template.StartsWith("/api/", StringComparison.Ordinal)).Select(o => o.Template).ToHashSet(),
        };
        var login = await gateway.PostAsJsonAsync("/api/auth/token", new { email = Admin, password = Password });
        Assert.Equal(HttpStatusCode.OK, login.StatusCode);
        arena.Token = (await login.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("accessToken").GetString()!;
        var claims = JsonDocument.Parse(Base64Url(arena.Token.Split('.')[1])).RootElement;
        arena.UserId = Guid.Parse(claims.GetProperty("sub").GetString()!);
        arena.UserName = claims.GetProperty("name").GetString()!;

        var submitted = await gateway.PostAsJsonAsync("/public/requests", SampleRequests.Valid($"hostile-{Guid.NewGuid():N}@example.fr", SiteKey));
        Assert.True(submitted.IsSuccessStatusCode, await submitted.Content.ReadAsStringAsync());
        arena.RequestId = (await submitted.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("id").GetGuid();
        Assert.True(await Eventually.TrueAsync(async () => (await arena.SendAsync(gateway, HttpMethod.Get, $"/api/dossiers/{arena.RequestId}", null)).IsSuccessStatusCode,
            TimeSpan.FromSeconds(45)), "The suite's request never became a dossier.");
        var detail = await arena.JsonAsync(gateway, HttpMethod.Get, $"/api/requests/{arena.RequestId}", null);
        arena.SpaceToken = detail.GetProperty("customerSpaceToken").GetString()!;

        arena.ProductId = (await arena.JsonAsync(gateway, HttpMethod.Post, "/api/catalogue/products", arena.ValidFor(operations, "POST", "/api/catalogue/products"))).GetProperty("id").GetGuid();
        arena.WebsiteId = (await arena.JsonAsync(gateway, HttpMethod.Post, "/api/websites", arena.ValidFor(operations, "POST", "/api/websites"))).GetProperty("id").GetGuid();
        _ = await arena.JsonAsync(gateway, HttpMethod.Post, $"/api/quotes/by-request/{arena.RequestId}/lines", arena.ValidFor(operations, "POST", "/api/quotes/by-request/{requestId}/lines"));
        var quote = await arena.JsonAsync(gateway, HttpMethod.Get, $"/api/quotes/by-request/{arena.RequestId}", null);
        arena.QuoteId = quote.GetProperty("id").GetGuid();
        arena.LineId = quote.GetProperty("lines")[0].GetProperty("id").GetGuid();
        return arena;
    }

    /// <summary>
    /// The intake reads its body itself (it answers the embedded form in the form's own words), so its document names
    /// no body: its shape is the TestKit's sample request, the one every layer's tests post.
    /// </summary>
    public static FieldKind.Shape IntakeShape()
    {
        var sample = JsonSerializer.SerializeToElement(SampleRequests.Valid("x@example.fr"));
        return new FieldKind.Shape(sample.EnumerateObject().Select(p => new Field(p.Name, p.Value.ValueKind switch
        {
            JsonValueKind.Number => new FieldKind.Integer(false),
            JsonValueKind.True or JsonValueKind.False => new FieldKind.Boolean(),
            JsonValueKind.Array => new FieldKind.List(new FieldKind.Integer(false)),
            _ when IsoDate().IsMatch(p.Value.GetString()!) => new FieldKind.Date(),
            _ => new FieldKind.Text(),
        })).ToList());
    }

    /// <summary>The value a path parameter takes when it is not the hostile one: the suite's own data.</summary>
    public string PathValue(string template, string name) => name switch
    {
        "requestId" => RequestId.ToString(),
        "quoteId" => QuoteId.ToString(),
        "lineId" => LineId.ToString(),
        "token" or "Token" => SpaceToken,
        "sessionId" => "cs_sandbox_hostile",
        "paymentRequestId" => Guid.NewGuid().ToString(),
        "id" when template.StartsWith("/api/websites", StringComparison.Ordinal) => WebsiteId.ToString(),
        "id" when template.StartsWith("/api/catalogue", StringComparison.Ordinal) => ProductId.ToString(),
        "id" => RequestId.ToString(),
        _ => Guid.NewGuid().ToString(),
    };

    public string Fill(string template) =>
        string.Join('/', template.Split('/').Select(s => s.StartsWith('{') ? PathValue(template, s.Trim('{', '}').Split(':')[0]) : s));

    /// <summary>A body every check passes, the marker in the carrier field, so that the case's trace can be looked for.</summary>
    public JsonObject Valid(string template, FieldKind.Shape shape, string marker, string? carrier, string prefix)
    {
        var body = new JsonObject();
        foreach (var field in shape.Fields)
        {
            var value = Value(template, field, prefix);
            if (field.Name == carrier && field.Kind is FieldKind.Text)
            {
                value = $"{value!.GetValue<string>()} {marker}";
            }

            body[field.Name] = value;
        }

        return body;
    }

    private string ValidFor(IReadOnlyList<Operation> operations, string method, string template) =>
        Valid(template, operations.Single(o => o.Method == method && o.Template == template).Body!, "hx0x", null, "").ToJsonString();

    private JsonNode? Value(string template, Field field, string prefix)
    {
        var inSeason = prefix.Length > 0;
        return field.Kind switch
        {
            FieldKind.Text => field.Name switch
            {
                // An address nobody has: hostile passwords must not lock a real account the other journeys sign in with.
                "email" when template == "/api/auth/token" => $"personne.{Guid.NewGuid():N}@example.fr",
                "email" => $"hostile.{Guid.NewGuid():N}@example.fr",
                "password" => Password,
                "phone" => "+33 6 12 34 56 78",
                "siteKey" => SiteKey,
                "method" => "BankTransfer",
                "kind" => "Deposit",
                "reference" => "VIR-1",
                "assigneeName" => UserName,
                "name" when inSeason => "Hiver",
                "name" when template.Contains("websites", StringComparison.Ordinal) => $"Site {Guid.NewGuid():N}"[..13],
                "name" when template.Contains("catalogue", StringComparison.Ordinal) => "Chalet des essais",
                "name" => "Élodie Martin",
                "address" => "12 rue des Alpes, 73000 Chambéry",
                "label" => "Forfait",
                _ => "Texte",
            },
            FieldKind.Integer => field.Name switch
            {
                "adults" or "participants" => 2,
                "seniors" => 0,
                "priceCents" => 50_000,
                "childPriceCents" or "seniorPriceCents" => null,
                "vatRateBasisPoints" => 1_000,
                "capacity" or "unitCapacity" => 6,
                "touristTaxCentsPerAdultNight" => 100,
                "amountCents" => 100,
                "unitPriceCents" => 1_500,
                _ => 1,
            },
            FieldKind.Boolean => true,
            FieldKind.Date => field.Name switch
            {
                "from" when inSeason => "2026-11-01",
                "to" when inSeason => "2027-05-01",
                "receivedOn" => DateTime.UtcNow.ToString("yyyy-MM-dd", global::System.Globalization.CultureInfo.InvariantCulture),
                "arrival" or "from" => "2027-02-13",
                _ => "2027-02-20",
            },
            FieldKind.Uuid => field.Name switch
            {
                "productId" => ProductId,
                "assigneeId" => UserId,
                _ => Guid.NewGuid(),
            },
            FieldKind.Choice choice => field.Name switch
            {
                "to" => "InProgress",
                "lessonKind" => null,
                _ => choice.Values.FirstOrDefault(),
            },
            FieldKind.List list => field.Name switch
            {
                "childrenAges" => new JsonArray(8),
                "allowedOrigins" => new JsonArray("https://hostile.example"),
                _ when list.Item is FieldKind.Shape item => new JsonArray(Valid(template, item, "", null, $"{prefix}{field.Name}.")),
                _ => new JsonArray(),
            },
            FieldKind.Shape shape => Valid(template, shape, "", null, $"{prefix}{field.Name}."),
            _ => null,
        };
    }

    private async Task<HttpResponseMessage> SendAsync(HttpClient gateway, HttpMethod method, string path, string? json)
    {
        using var request = new HttpRequestMessage(method, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", Token);
        if (json is not null)
        {
            request.Content = new StringContent(json, Encoding.UTF8, "application/json");
        }

        return await gateway.SendAsync(request);
    }

    private async Task<JsonElement> JsonAsync(HttpClient gateway, HttpMethod method, string path, string? json)
    {
        var response = await SendAsync(gateway, method, path, json);
        var text = await response.Content.ReadAsStringAsync();
        Assert.True(response.IsSuccessStatusCode, $"{method} {path} with {json}: {(int)response.StatusCode} {text}");
        return JsonDocument.Parse(text).RootElement;
    }

    private static string Base64Url(string part)
    {
        var padded = part.Replace('-', '+').Replace('_', '/');
        return Encoding.UTF8.GetString(Convert.FromBase64String(padded.PadRight(padded.Length + ((4 - (padded.Length % 4)) % 4), '=')));
    }

    [GeneratedRegex(@"^\d{4}-\d{2}-\d{2}$")]
    private static partial Regex IsoDate();
}

/// <summary>Text put in a URL as a browser would, except that a lone surrogate goes as the bytes a careless encoder makes.</summary>
internal static class UrlText
{
    public static string Encode(string text)
    {
        var url = new StringBuilder();
        for (var i = 0; i < text.Length; i++)
        {
            var c = text[i];
            if (char.IsHighSurrogate(c) && i + 1 < text.Length && char.IsLowSurrogate(text[i + 1]))
            {
                Bytes(Encoding.UTF8.GetBytes(text.Substring(i, 2)));
                i++;
            }
            else if (char.IsSurrogate(c))
            {
                Bytes([(byte)(0xE0 | (c >> 12)), (byte)(0x80 | ((c >> 6) & 0x3F)), (byte)(0x80 | (c & 0x3F))]);
            }
            else if (char.IsAsciiLetterOrDigit(c) || c is '-' or '_' or '.' or '~')
            {
                url.Append(c);
            }
            else
            {
                Bytes(Encoding.UTF8.GetBytes(c.ToString()));
            }
        }

        return url.ToString();

        void Bytes(byte[] bytes)
        {
            foreach (var b in bytes)
            {
                url.Append('%').Append(b.ToString("X2", global::System.Globalization.CultureInfo.InvariantCulture));
            }
        }
    }
}
