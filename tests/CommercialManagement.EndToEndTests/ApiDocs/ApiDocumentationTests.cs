using System.Net;
using System.Text.Json.Nodes;
using CommercialManagement.EndToEndTests.Browser;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.OpenApi;
using Microsoft.Playwright;
using Xunit.Abstractions;

namespace CommercialManagement.EndToEndTests.ApiDocs;

/// <summary>
/// The published API document (/api/docs/openapi.json) against the running system: every operation a service describes
/// and the gateway forwards is in it, and nothing else is (the gateway's answers, not its code, say what it forwards);
/// each one says how to authenticate and which errors it answers; and the page shows it in a browser without loading
/// anything from another site. Here rather than in the gateway's service tests because it needs the real services'
/// route tables, and a browser.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed class ApiDocumentationTests(SystemFixture system, ITestOutputHelper output)
{
    private static readonly string[] Services = [ResourceNames.InboxApi, ResourceNames.DossierApi, ResourceNames.QuoteApi, ResourceNames.PaymentApi];

    /// <summary>The prefixes an integrator calls (ServiceRoutes' staff routes and the public intake).</summary>
    private static readonly string[] IntegratorPrefixes =
        ["/public/requests", "/api/requests", "/api/websites", "/api/mailbox", "/api/dossiers", "/api/quotes", "/api/catalogue", "/api/payments"];

    /// <summary>Forwarded by the gateway but for the payment provider or its stand-in, never for an integrator.</summary>
    private static readonly string[] ProviderOnly = ["/webhooks/stripe", "/sandbox"];

    private static readonly string[] Internal =
        ["/documents", "/customer", "/sandbox", "/webhooks", "/health", "/alive", "/openapi", "/espace", "/deconnexion", "/connexion", "/public/spaces"];

    private static readonly string[] Anonymous = ["/public/requests", "/api/auth/token"];

    private static readonly string[] Methods = ["get", "put", "post", "delete", "patch", "head", "options"];

    [Fact]
    public async Task PublishedDocument_HoldsEveryForwardedOperationOfEachService_AndNoInternalOne()
    {
        var published = await PublishedAsync();
        var publishedOperations = Operations(published).ToHashSet();
        using var gateway = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false }) { BaseAddress = system.Gateway().BaseAddress };
        var forwarded = new List<(string Method, string Path)>();
        var notForwarded = new List<(string Method, string Path)>();
        foreach (var service in Services)
        {
            using var client = system.App.CreateHttpClient(service, "http");
            var own = JsonNode.Parse(await client.GetStringAsync("/openapi/v1.json"))!;
            foreach (var operation in Operations(own))
            {
                (await IsForwardedAsync(gateway, operation) ? forwarded : notForwarded).Add(operation);
            }
        }

        output.WriteLine($"published: {publishedOperations.Count}; forwarded: {forwarded.Count}; not forwarded: {string.Join(", ", notForwarded)}");
        var integrators = forwarded.Where(o => !ProviderOnly.Any(p => Under(o.Path, p))).ToList();
        var missing = integrators.Where(o => !publishedOperations.Contains(o)).ToList();
        var extra = publishedOperations.Where(o => !integrators.Contains(o) && o != ("post", "/api/auth/token")).ToList();
        Assert.True(missing.Count == 0, $"Forwarded but not published: {string.Join(", ", missing)}");
        Assert.True(extra.Count == 0, $"Published but not forwarded: {string.Join(", ", extra)}");
        Assert.Contains(("post", "/api/auth/token"), publishedOperations);
        foreach (var prefix in IntegratorPrefixes)
        {
            Assert.Contains(publishedOperations, o => Under(o.Path, prefix));
        }

        Assert.DoesNotContain(publishedOperations, o => Internal.Any(prefix => Under(o.Path, prefix)));
        Assert.Contains(notForwarded, o => Under(o.Path, "/customer"));
        Assert.Contains(notForwarded, o => Under(o.Path, "/documents"));
    }

    [Fact]
    public async Task EveryPublishedOperation_SaysHowToAuthenticate_AndAnswersErrorsAsProblemDetails()
    {
        var published = await PublishedAsync();
        var schemas = published["components"]!["schemas"]!.AsObject();
        Assert.Equal("bearer", published["components"]!["securitySchemes"]![ApiDocumentation.BearerScheme]!["scheme"]!.GetValue<string>());
        Assert.Contains("POST /api/auth/token", published["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Null(published["x-unavailable-services"]);

        foreach (var (method, path) in Operations(published))
        {
            var operation = published["paths"]![path]![method]!;
            var what = $"{method.ToUpperInvariant()} {path}";
            var schemes = (operation["security"] as JsonArray ?? []).SelectMany(r => r!.AsObject().Select(s => s.Key)).ToList();
            Assert.True(Anonymous.Contains(path) ? schemes.Count == 0 : schemes.SequenceEqual([ApiDocumentation.BearerScheme]), $"{what}: security {string.Join(",", schemes)}");
            var responses = operation["responses"]!.AsObject();
            Assert.True(responses.ContainsKey("503"), $"{what} does not describe its 503.");
            Assert.True(Anonymous.Contains(path) || responses.ContainsKey("401"), $"{what} does not describe its 401.");
            foreach (var (status, response) in responses.Where(r => r.Key[0] is '4' or '5'))
            {
                var reference = response!["content"]?[ApiDocumentation.ProblemContentType]?["schema"]?["$ref"]?.GetValue<string>() ?? "";
                Assert.True(reference is "#/components/schemas/ProblemDetails" or "#/components/schemas/HttpValidationProblemDetails", $"{what} {status}: '{reference}'");
            }
        }

        Assert.Contains("status", schemas["ProblemDetails"]!["properties"]!.AsObject().Select(p => p.Key));
        Assert.Contains("errors", schemas["HttpValidationProblemDetails"]!["properties"]!.AsObject().Select(p => p.Key));
        // Every reference resolves inside the one document.
        foreach (var reference in References(published))
        {
            Assert.True(schemas.ContainsKey(reference), $"#/components/schemas/{reference} is not in the document.");
        }
    }

    [Fact]
    public async Task Examples_AndIdempotencyKeys_AreWhereAnIntegratorLooksForThem()
    {
        var published = await PublishedAsync();
        var byName = Operations(published).Select(o => published["paths"]![o.Path]![o.Method]!)
            .Where(o => o["operationId"] is not null).ToDictionary(o => o["operationId"]!.GetValue<string>());
        var schemas = published["components"]!["schemas"]!;

        foreach (var (name, example) in RequestExamples.ByOperation)
        {
            Assert.True(byName.TryGetValue(name, out var operation), $"The example of {name} names no published operation.");
            var body = operation!["requestBody"]!["content"]!["application/json"]!;
            Assert.Equal(JsonNode.Parse(example)!.ToJsonString(), body["example"]!.ToJsonString());
            var fields = Resolve(body["schema"]!, schemas)["properties"]!.AsObject().Select(p => p.Key).ToHashSet();
            Assert.All(JsonNode.Parse(example)!.AsObject(), field => Assert.True(fields.Contains(field.Key), $"{name}'s example has '{field.Key}', its body has not."));
        }

        foreach (var name in new[] { "RecordOfflinePayment", "RequestPayment", "CreatePhoneRequest", "AddCustomQuoteLine", "SendQuote" })
        {
            var key = Assert.Single(byName[name]["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == "Idempotency-Key")!;
            Assert.Equal("header", key["in"]!.GetValue<string>());
            Assert.True(byName[name]["responses"]!.AsObject().ContainsKey("422"), $"{name} does not describe the reused key's 422.");
        }

        Assert.DoesNotContain(byName["GetBoard"]["parameters"] as JsonArray ?? [], p => p!["name"]!.GetValue<string>() == "Idempotency-Key");

        // The exports' period is in the query: an integrator reads its two days' names and format on the page.
        foreach (var name in new[] { "ExportSalesJournal", "ExportBankJournal", "ExportFec", "ExportTouristTaxCsv", "ExportTouristTaxPdf" })
        {
            foreach (var day in new[] { "from", "to" })
            {
                var parameter = Assert.Single(byName[name]["parameters"]!.AsArray(), p => p!["name"]!.GetValue<string>() == day)!;
                Assert.Equal("query", parameter["in"]!.GetValue<string>());
                Assert.Contains("yyyy-MM-dd", parameter["description"]!.GetValue<string>(), StringComparison.Ordinal);
            }
        }
    }

    [Fact]
    public async Task Page_ShowsTheApiInABrowser_LoadingOnlyFromTheGateway()
    {
        // The complete document, kept 5 minutes by the gateway: the page shows that one.
        _ = await PublishedAsync();
        await using var session = await BrowserSession.StartAsync(system);
        var page = await session.NewPageAsync();
        var elsewhere = new List<string>();
        var refused = new List<string>();
        page.Request += (_, request) =>
        {
            if (new Uri(request.Url) is { Scheme: "http" or "https" } uri && uri.Authority != session.Gateway.Authority)
            {
                elsewhere.Add(request.Url);
            }
        };
        page.Console += (_, message) =>
        {
            if (message.Text.Contains("Content Security Policy", StringComparison.OrdinalIgnoreCase))
            {
                refused.Add(message.Text);
            }
        };

        var response = await page.GotoAsync(session.At("/api/docs"));

        Assert.Equal(200, response!.Status);
        await Assertions.Expect(page.GetByText("CommercialManagement API").First).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByText("Exchanges a staff member's email and password", new() { Exact = false }).First).ToBeVisibleAsync();
        await page.ScreenshotAsync(new() { Path = BrowserSession.ScreenshotPath("api-docs"), FullPage = false });
        Assert.Empty(elsewhere);
        Assert.Empty(refused);
        // Every service's routes are there: the sidebar lists their tags.
        foreach (var tag in new[] { "Public intake", "Requests", "Dossiers", "Quotes", "Catalogue", "Payments" })
        {
            await Assertions.Expect(page.GetByText(tag, new() { Exact = true }).First).ToBeAttachedAsync();
        }
    }

    /// <summary>
    /// The document once every service answered in time: on a loaded machine a service's first description can take
    /// longer than the gateway waits, and that document (which names the missing service) is rebuilt after 15 seconds.
    /// </summary>
    private async Task<JsonNode> PublishedAsync()
    {
        using var client = system.Gateway();
        JsonNode? document = null;
        Assert.True(await TestKit.Eventually.TrueAsync(async () =>
        {
            var response = await client.GetAsync("/api/docs/openapi.json");
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
            document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
            return document["x-unavailable-services"] is null;
        }, TimeSpan.FromSeconds(90), TimeSpan.FromSeconds(5)), $"Still missing: {document?["x-unavailable-services"]?.ToJsonString()}");
        return document!;
    }

    private static IEnumerable<(string Method, string Path)> Operations(JsonNode document) =>
        document["paths"]!.AsObject().SelectMany(path => path.Value!.AsObject().Where(o => Methods.Contains(o.Key)).Select(o => (o.Key, path.Key)));

    /// <summary>The object schema behind references and a nullable body's <c>oneOf</c>.</summary>
    private static JsonNode Resolve(JsonNode schema, JsonNode schemas) =>
        schema["$ref"] is { } reference ? Resolve(schemas[reference.GetValue<string>().Split('/')[^1]]!, schemas)
        : (schema["oneOf"] ?? schema["anyOf"]) is JsonArray choices ? Resolve(choices.First(c => c!["$ref"] is not null || c["properties"] is not null)!, schemas)
        : schema;

    private static bool Under(string path, string prefix) => path == prefix || path.StartsWith(prefix + "/", StringComparison.Ordinal);

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" ? [p.Value!.GetValue<string>().Split('/')[^1]] : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    /// <summary>
    /// Without credentials, so that the probe acts on nothing: a forwarded staff route answers 401 (an anonymous one its
    /// own 4xx), a path the gateway does not forward falls to its pages: the login page or its HTML 404.
    /// </summary>
    private static async Task<bool> IsForwardedAsync(HttpClient gateway, (string Method, string Path) operation)
    {
        var path = string.Join('/', operation.Path.Split('/').Select(s => s.StartsWith('{') ? Guid.NewGuid().ToString() : s));
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method.ToUpperInvariant()), path);
        var response = await gateway.SendAsync(request);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/connexion", StringComparison.Ordinal) == true;
        return !toLogin && !(response.StatusCode == HttpStatusCode.NotFound && type.StartsWith("text/html", StringComparison.Ordinal));
    }
}
