using System.Net;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommercialManagement.Gateway.Features.ApiDocs;

namespace CommercialManagement.Gateway.ServiceTests;

/// <summary>
/// /api/docs with the stand-in services of <see cref="GatewayFactory"/>, none of which serves a route table: the page and
/// the document still answer, anonymously, with the gateway's own token route, and say which services are missing. The
/// merge itself is checked on documents written here, with internal routes and a schema name two services share.
/// (The real services' documents are compared with the published one in the end-to-end ApiDocumentationTests.)
/// </summary>
public sealed partial class ApiDocsTests(GatewayFactory factory) : IClassFixture<GatewayFactory>
{
    [Fact]
    public async Task Document_WithEveryServiceDown_StillDescribesTheTokenRoute_AndNamesTheMissingServices()
    {
        var response = await factory.CreateClient().GetAsync("/api/docs/openapi.json");

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var document = JsonNode.Parse(await response.Content.ReadAsStringAsync())!;
        var token = document["paths"]!["/api/auth/token"]!["post"]!;
        Assert.Null(token["security"]);
        Assert.Equal("agent@valneve-office.test", token["requestBody"]!["content"]!["application/json"]!["example"]!["email"]!.GetValue<string>());
        Assert.EndsWith("/HttpValidationProblemDetails", ProblemSchemaOf(token["responses"]!["400"]!), StringComparison.Ordinal);
        foreach (var status in new[] { "401", "429", "503" })
        {
            Assert.EndsWith("/ProblemDetails", ProblemSchemaOf(token["responses"]![status]!), StringComparison.Ordinal);
        }

        Assert.Equal(["inbox-api", "dossier-api", "quote-api", "payment-api"],
            document["x-unavailable-services"]!.AsArray().Select(s => s!.GetValue<string>()));
        Assert.Contains("Not listed right now", document["info"]!["description"]!.GetValue<string>(), StringComparison.Ordinal);
        Assert.Single(document["paths"]!.AsObject());
        Assert.Equal("bearer", document["components"]!["securitySchemes"]!["Bearer"]!["scheme"]!.GetValue<string>());
    }

    [Fact]
    public async Task Page_IsAnonymous_AndLoadsNothingFromAnotherSite()
    {
        var client = factory.CreateClient(new() { AllowAutoRedirect = false });

        // Scalar sends /api/docs on to /api/docs/, where its assets' relative addresses resolve under it.
        var entry = await client.GetAsync("/api/docs");
        Assert.Equal(HttpStatusCode.Found, entry.StatusCode);
        Assert.Equal("/api/docs/", new Uri(new Uri("http://localhost/api/docs"), entry.Headers.Location!).AbsolutePath);
        var page = await client.GetAsync("/api/docs/");

        Assert.Equal(HttpStatusCode.OK, page.StatusCode);
        Assert.Equal("text/html", page.Content.Headers.ContentType?.MediaType);
        Assert.Contains("default-src 'self'", page.Headers.GetValues("Content-Security-Policy").Single(), StringComparison.Ordinal);
        var html = await page.Content.ReadAsStringAsync();
        // The document's address, relative to the site's root (Scalar's script resolves it so).
        Assert.Contains("\"url\":\"api/docs/openapi.json\"", html, StringComparison.Ordinal);
        var assets = Assets().Matches(html).Select(m => m.Groups["url"].Value).ToList();
        Assert.NotEmpty(assets);
        Assert.DoesNotContain(assets, url => url.StartsWith("http", StringComparison.OrdinalIgnoreCase) || url.StartsWith("//", StringComparison.Ordinal));
        Assert.DoesNotMatch(@"https?://(?!localhost)[a-z0-9.-]+\.[a-z]{2,}/", html);
        foreach (var asset in assets)
        {
            var answer = await client.GetAsync(new Uri(new Uri("http://localhost/api/docs/"), asset));
            Assert.True(answer.StatusCode == HttpStatusCode.OK, $"{asset}: {answer.StatusCode}");
        }
    }

    [Fact]
    public void Merge_KeepsOnlyTheRoutedPaths_OfEachService_AndTheSchemasTheyUse_RenamingAClash()
    {
        var quote = Document(
            ("/api/quotes/{quoteId}/send", "Line"),
            ("/api/catalogue/products", "Product"),
            ("/customer/quote", "CustomerQuote"),
            ("/documents/quotes/{quoteId}/pdf", "Pdf"),
            ("/api/requests", "Stolen"));
        var dossier = Document(("/api/dossiers/{id}", "Line"), ("/api/dossiersx", "Other"));
        ((JsonObject)dossier["components"]!["schemas"]!["Line"]!)["title"] = "A dossier's line";
        var gateway = Document(("/api/auth/token", "TokenRequest"), ("/deconnexion", "Nothing"));

        var merged = PublishedDocument.Merge(new SourceDocument("gateway", gateway), [new("quote-api", quote), new("dossier-api", dossier)], []);

        var paths = merged["paths"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["/api/auth/token", "/api/catalogue/products", "/api/dossiers/{id}", "/api/quotes/{quoteId}/send"], paths);
        var schemas = merged["components"]!["schemas"]!.AsObject().Select(p => p.Key).ToList();
        Assert.Equal(["DossierLine", "Line", "Product", "TokenRequest"], schemas);
        Assert.Equal("#/components/schemas/DossierLine", merged["paths"]!["/api/dossiers/{id}"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Equal("#/components/schemas/Line", merged["paths"]!["/api/quotes/{quoteId}/send"]!["post"]!["requestBody"]!["content"]!["application/json"]!["schema"]!["$ref"]!.GetValue<string>());
        Assert.Null(merged["x-unavailable-services"]);
    }

    private static string ProblemSchemaOf(JsonNode response) =>
        response["content"]!["application/problem+json"]!["schema"]!["$ref"]!.GetValue<string>();

    /// <summary>A document with one POST per path, whose body is the named schema.</summary>
    private static JsonObject Document(params (string Path, string Schema)[] operations)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        foreach (var (path, schema) in operations)
        {
            paths[path] = JsonNode.Parse($$"""
                { "post": { "tags": ["T"], "requestBody": { "content": { "application/json": { "schema": { "$ref": "#/components/schemas/{{schema}}" } } } },
                  "responses": { "200": { "description": "OK" } } } }
                """);
            schemas[schema] = new JsonObject { ["type"] = "object" };
        }

        return new JsonObject { ["openapi"] = "3.1.1", ["paths"] = paths, ["components"] = new JsonObject { ["schemas"] = schemas }, ["tags"] = JsonNode.Parse("""[{ "name": "T" }]""") };
    }

    [GeneratedRegex("""(?:src|href)\s*=\s*["'](?<url>[^"']+)["']""")]
    private static partial Regex Assets();
}
