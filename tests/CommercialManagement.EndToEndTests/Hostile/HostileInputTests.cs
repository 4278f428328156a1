using System.Diagnostics;
using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using System.Text.Json.Nodes;
using System.Text.RegularExpressions;
using CommercialManagement.TestKit;
using Xunit.Abstractions;

namespace CommercialManagement.EndToEndTests.Hostile;

/// <summary>
/// The hostile-input suite: every endpoint the route tables of the gateway and of the services describe, reached
/// through the gateway as the internet reaches it, with generated hostile values in every path parameter, query
/// parameter and body field, and hostile bodies as a whole (not JSON, nested thousands deep, duplicate keys, wrong
/// content types, invalid UTF-8, megabytes). Each answer must be below 500; a 400 of an API must be ProblemDetails in
/// the field's words (no .NET type named); the suite's own token must never be refused; a refusal must leave nothing stored; what is accepted must read back as it was sent,
/// trimming aside. The suite works on data it creates itself, in an organisation of its own among the demo's.
/// </summary>
[Collection(SystemCollection.Name)]
public sealed partial class HostileInputTests(SystemFixture system, ITestOutputHelper output)
{
    private const int AtLeast = 2_000;

    /// <summary>The last segments of routes that close something: their cases go last, so that the others find the data open.</summary>
    private static readonly string[] Closing = ["send", "acceptance", "refusal", "void", "archive", "restore", "processed", "retire", "cancellation", "renew", "offline", "requests"];

    private readonly List<string> _failures = [];
    private readonly Dictionary<string, int> _byStatus = [];
    private HttpClient _gateway = null!;
    private Arena _arena = null!;
    private int _case;
    private int _verified;
    private int _expected;

    [Fact]
    public async Task EveryEndpoint_ThroughTheGateway_RefusesHostileInputIn4xx_StoresNothingRefused_AndKeepsWhatItAccepts()
    {
        var clock = Stopwatch.StartNew();
        var operations = await RouteTable.ReadAsync(system.App);
        _gateway = new HttpClient(new HttpClientHandler { AllowAutoRedirect = false, UseCookies = true }) { BaseAddress = system.Gateway().BaseAddress };
        var intake = Assert.Single(operations, o => o.Template == "/public/requests");
        operations = [.. operations.Select(o => o == intake ? o with { Body = Arena.IntakeShape() } : o)];
        _arena = await Arena.CreateAsync(_gateway, operations);

        var exposed = new List<Operation>();
        var internalOnly = new List<Operation>();
        foreach (var operation in operations.Where(o => !o.Template.StartsWith("/openapi", StringComparison.Ordinal)))
        {
            (await IsExposedAsync(operation) ? exposed : internalOnly).Add(operation);
        }

        // The space's link first: « renew » (a closing route) changes it.
        await SpaceReplyFormAsync();
        await LoginFormAsync();
        foreach (var operation in exposed.OrderBy(o => Closing.Contains(o.Template.Split('/')[^1]) ? 1 : 0).ThenBy(o => o.Template, StringComparer.Ordinal))
        {
            await PathParametersAsync(operation);
            await QueryAsync(operation);
            await BodyFieldsAsync(operation);
            await WholeBodiesAsync(operation);
        }

        var statuses = string.Join(", ", _byStatus.OrderBy(s => s.Key, StringComparer.Ordinal).Select(s => $"{s.Key}: {s.Value}"));
        var fourxx = _byStatus.Where(s => s.Key.StartsWith('4')).Sum(s => s.Value);
        var fivexx = _byStatus.Where(s => s.Key.StartsWith('5')).Sum(s => s.Value);
        var report = $"""
            Hostile-input suite: {_case} cases on {exposed.Count} endpoints through the gateway (+ the space's reply form and the login form) in {clock.Elapsed.TotalSeconds:F0} s
            answers: {statuses}
            4xx: {fourxx}, 5xx: {fivexx}, read back (stored or not as answered): {_verified} of {_expected}
            internal routes the gateway does not expose: {string.Join(", ", internalOnly)}
            failures: {_failures.Count}
            """;
        output.WriteLine(report);
        foreach (var failure in _failures.Take(200))
        {
            output.WriteLine(failure);
        }

        var folder = Path.Combine(RepositoryRoot.Path, "TestResults");
        Directory.CreateDirectory(folder);
        await File.WriteAllTextAsync(Path.Combine(folder, "hostile-input.txt"), report + "\n" + string.Join('\n', _failures) + "\n");

        Assert.True(_case >= AtLeast, $"Only {_case} cases were generated.");
        Assert.True(_verified * 2 >= _expected, $"Only {_verified} of the {_expected} cases with something to read back were read back.");
        Assert.DoesNotContain(exposed, o => o.Template.StartsWith("/documents/", StringComparison.Ordinal) || o.Template.StartsWith("/customer/", StringComparison.Ordinal));
        Assert.Contains(exposed, o => o.Template.StartsWith("/api/requests", StringComparison.Ordinal));
        Assert.Contains(exposed, o => o.Template.StartsWith("/api/dossiers", StringComparison.Ordinal));
        Assert.Contains(exposed, o => o.Template.StartsWith("/api/quotes", StringComparison.Ordinal));
        Assert.Contains(exposed, o => o.Template.StartsWith("/api/catalogue", StringComparison.Ordinal));
        Assert.Contains(exposed, o => o.Template.StartsWith("/api/payments", StringComparison.Ordinal));
        Assert.Contains(exposed, o => o.Template == "/webhooks/stripe");
        Assert.True(_failures.Count == 0, $"{_failures.Count} failures, first ones:\n{string.Join('\n', _failures.Take(40))}");
    }

    /// <summary>A route the gateway does not forward (a service's internal one) falls to the gateway's pages: its login or its 404.</summary>
    private async Task<bool> IsExposedAsync(Operation operation)
    {
        // Without credentials, so that the probe acts on nothing: a staff route answers 401, an unrouted one the login page.
        using var request = new HttpRequestMessage(new HttpMethod(operation.Method), Url(operation, null, null));
        var response = await _gateway.SendAsync(request);
        var type = response.Content.Headers.ContentType?.MediaType ?? "";
        var toLogin = response.StatusCode == HttpStatusCode.Redirect && response.Headers.Location?.OriginalString.Contains("/connexion", StringComparison.Ordinal) == true;
        return !toLogin && !(response.StatusCode == HttpStatusCode.NotFound && type.StartsWith("text/html", StringComparison.Ordinal));
    }

    private async Task PathParametersAsync(Operation operation)
    {
        foreach (var parameter in operation.PathParameters)
        {
            var values = parameter.Kind is FieldKind.Uuid
                ? ["0", "00000000-0000-0000-0000-000000000000", Guid.NewGuid().ToString(), "%00", "..%2F..%2Fhealth"]
                : HostileValues.Texts.Where(t => t.Length < 5_000).Select(UrlText.Encode).Concat(["%00", "%FF", "%ED%A0%80", "..%2F..%2Fhealth", "%2e%2e"]);
            foreach (var value in values)
            {
                await SendAsync(operation, $"path {parameter.Name}", value, () => Request(operation, Url(operation, (parameter.Name, value), null), Body(operation, null)), null);
            }
        }
    }

    private async Task QueryAsync(Operation operation)
    {
        foreach (var parameter in operation.Query)
        {
            var values = parameter.Kind is FieldKind.Text
                ? HostileValues.Texts.Where(t => t.Length < 5_000).Select(UrlText.Encode).Concat(["%FF", "%ED%A0%80", "%C0%80"])
                : HostileValues.For(parameter.Kind).Select(h => UrlText.Encode(h.Text ?? h.Json.Trim('"')));
            foreach (var value in values.Distinct(StringComparer.Ordinal))
            {
                await SendAsync(operation, $"query {parameter.Name}", value, () => Request(operation, Url(operation, null, $"{parameter.Name}={value}"), Body(operation, null)), null);
            }
        }
    }

    private async Task BodyFieldsAsync(Operation operation)
    {
        if (operation.Body is not { } shape)
        {
            return;
        }

        foreach (var path in FieldPaths(shape, ""))
        {
            foreach (var hostile in HostileValues.For(path.Kind))
            {
                var number = _case + 1;
                var marker = Marker(number);
                // A hostile text carries the case's marker itself (unless its point is to be blank); anything else, a text beside it.
                var carried = hostile.Text is { } text && !string.IsNullOrWhiteSpace(text) && path.Kind is FieldKind.Text
                    ? hostile with { Json = HostileValues.Quote($"{marker} {text}"), Text = $"{marker} {text}" }
                    : hostile;
                var carrier = ReferenceEquals(carried, hostile) ? Carrier(shape, path.Path) : path.Path;
                var body = Baseline(operation, shape, marker, carrier);
                var json = Replace(body, path.Path, carried.Json);
                await SendAsync(operation, $"body {path.Path}", hostile.Description,
                    () => Request(operation, Url(operation, null, null), Json(json)),
                    new Expectation(carrier is null ? null : marker, path.Path, path.Kind is FieldKind.Choice ? null : carried.Text, path.Kind is FieldKind.Integer ? carried.Json : null));
            }
        }
    }

    private async Task WholeBodiesAsync(Operation operation)
    {
        if (operation.Method is "GET" or "DELETE")
        {
            return;
        }

        // Each case's valid body carries that case's own marker, so that an accepted one is not taken for a refused one's.
        string Valid() => operation.Body is { } shape ? Baseline(operation, shape, Marker(_case + 1), Carrier(shape, null)).ToJsonString() : "{}";
        var cases = new List<(string What, Func<string, HttpContent> Content)>
        {
            ("not JSON", _ => Json("{\"a\":")),
            ("empty", valid => Json("")),
            ("null", valid => Json("null")),
            ("array", valid => Json("[]")),
            ("a string", valid => Json("\"texte\"")),
            ("arrays 5,000 deep", valid => Json(HostileValues.Deep(5_000, '['))),
            ("objects 5,000 deep", valid => Json(HostileValues.Deep(5_000, '{'))),
            ("duplicate keys", valid => Json(valid.Length > 2 ? valid[..^1] + "," + valid[1..] : valid)),
            ("byte order mark", valid => Raw([0xEF, 0xBB, 0xBF, .. Encoding.UTF8.GetBytes(valid)], "application/json")),
            ("text/plain", valid => Raw(Encoding.UTF8.GetBytes(valid), "text/plain")),
            ("form", valid => Raw(Encoding.UTF8.GetBytes("name=x&email=y"), "application/x-www-form-urlencoded")),
            ("no content type", valid => Raw(Encoding.UTF8.GetBytes(valid), null)),
            ("charset utf-16", valid => Raw(Encoding.UTF8.GetBytes(valid), "application/json; charset=utf-16")),
            ("invalid UTF-8", valid => Raw([.. Encoding.UTF8.GetBytes("{\"name\":\"a"), 0xFF, 0xC0, 0x80, 0xED, 0xA0, 0x80, .. Encoding.UTF8.GetBytes("\"}")], "application/json")),
            ("3 MB", valid => Json("{\"name\":\"" + new string('z', 3_000_000) + "\"}")),
            ("binary", valid => Raw(Enumerable.Range(0, 1024).Select(i => unchecked((byte)(i * 37))).ToArray(), "application/octet-stream")),
        };
        foreach (var (what, content) in cases)
        {
            var marker = Marker(_case + 1);
            var valid = Valid();
            await SendAsync(operation, "whole body", what, () => Request(operation, Url(operation, null, null), content(valid)), new Expectation(marker, null, null, null));
        }

        if (operation.Template == "/webhooks/stripe")
        {
            foreach (var text in HostileValues.Texts.Where(t => t.Length < 5_000 && !t.Any(char.IsSurrogate) && !t.Any(c => c is '\r' or '\n' || c < ' ' || c > '~')))
            {
                await SendAsync(operation, "header Stripe-Signature", HostileValues.Describe(text), () =>
                {
                    var request = Request(operation, Url(operation, null, null), Json("{\"id\":\"evt_1\",\"type\":\"checkout.session.completed\"}"));
                    request.Headers.TryAddWithoutValidation("Stripe-Signature", text);
                    return request;
                }, null);
            }
        }
    }

    /// <summary>The customer space's reply form (a page's form, which no API document describes), as the customer's browser posts it.</summary>
    private async Task SpaceReplyFormAsync()
    {
        var page = await _gateway.GetStringAsync($"/espace/{_arena.SpaceToken}");
        var antiforgery = CustomerSpaceForms.AntiforgeryToken(page);
        var reply = new Operation("gateway", "POST", "/espace/{Token}", [], [], null);
        foreach (var text in HostileValues.Texts)
        {
            var number = _case + 1;
            var message = string.IsNullOrWhiteSpace(text) ? text : $"{Marker(number)} {text}";
            await SendAsync(reply, "form Reply.Message", HostileValues.Describe(text), () => new HttpRequestMessage(HttpMethod.Post, $"/espace/{_arena.SpaceToken}")
            {
                Content = Raw(Encoding.ASCII.GetBytes($"_handler=customer-reply&__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}&Reply.Message={UrlText.Encode(message)}"),
                    "application/x-www-form-urlencoded"),
            }, string.IsNullOrWhiteSpace(text) ? null : new Expectation(Marker(number), "message",
                // A lone surrogate has no UTF-8: what the form carries is bytes no text decodes to, stored or refused but never "as sent".
                text.Any(char.IsSurrogate) ? null : message, null, $"/api/requests/{_arena.RequestId}"));
        }
    }

    /// <summary>The login page's form with hostile addresses (each case from its own client address, as a botnet would).</summary>
    private async Task LoginFormAsync()
    {
        var page = await _gateway.GetStringAsync("/connexion");
        var antiforgery = CustomerSpaceForms.AntiforgeryToken(page);
        var login = new Operation("gateway", "POST", "/connexion", [], [], null);
        foreach (var text in HostileValues.Texts.Where(t => t.Length < 5_000))
        {
            await SendAsync(login, "form Input.Email", HostileValues.Describe(text), () => new HttpRequestMessage(HttpMethod.Post, "/connexion")
            {
                Content = Raw(Encoding.ASCII.GetBytes($"_handler=login&__RequestVerificationToken={Uri.EscapeDataString(antiforgery)}&Input.Email={UrlText.Encode(text)}&Input.Password=x"),
                    "application/x-www-form-urlencoded"),
            }, null);
        }
    }

    /// <summary>What a case must leave behind: its marker stored if accepted and nowhere if refused, and the field as sent.</summary>
    private sealed record Expectation(string? Marker, string? Field, string? Text, string? Number, string? ReadPath = null);

    private async Task SendAsync(Operation operation, string where, string what, Func<HttpRequestMessage> request, Expectation? expectation)
    {
        var number = ++_case;
        var readPath = expectation?.ReadPath ?? ReadPath(operation);
        var before = expectation is { Field: { } beforeField } && readPath is not null ? await ReadAsync(readPath) : null;
        HttpResponseMessage response;
        string body;
        using (var message = request())
        {
            message.Headers.TryAddWithoutValidation("X-Forwarded-For", $"100.64.{number / 250 % 250}.{(number % 250) + 1}");
            if (operation.Template.StartsWith("/api/", StringComparison.Ordinal))
            {
                message.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _arena.Token);
            }

            try
            {
                response = await _gateway.SendAsync(message);
                body = await response.Content.ReadAsStringAsync();
            }
            catch (HttpRequestException e)
            {
                _failures.Add($"#{number} {operation} {where} = {what}: no answer ({e.Message})");
                return;
            }
        }

        var status = (int)response.StatusCode;
        _byStatus[status.ToString(global::System.Globalization.CultureInfo.InvariantCulture)] = _byStatus.GetValueOrDefault(status.ToString(global::System.Globalization.CultureInfo.InvariantCulture)) + 1;
        var label = $"#{number} {operation} {where} = {what} → {status}";
        if (status is 401 or 403 && operation.Template.StartsWith("/api/", StringComparison.Ordinal) && operation.Template != "/api/auth/token")
        {
            // The suite's Admin token is valid all along: a refusal of it would hide every other check behind a 401.
            _failures.Add($"{label}: the suite's own Admin token was refused");
        }

        if (status >= 500)
        {
            _failures.Add($"{label}: {Excerpt(body)}");
            return;
        }

        // Kestrel refuses a NUL or a malformed escape in a path before any code runs, with an empty 400: the protocol's answer.
        var protocolRefusal = where.StartsWith("path", StringComparison.Ordinal) && body.Length == 0 && response.Content.Headers.ContentType is null;
        if (status == 400 && IsApi(operation) && !protocolRefusal)
        {
            if (response.Content.Headers.ContentType?.MediaType != "application/problem+json")
            {
                _failures.Add($"{label}: a refusal that is not ProblemDetails ({response.Content.Headers.ContentType?.MediaType}): {Excerpt(body)}");
            }
            else if (Internals().Match(body) is { Success: true } leak)
            {
                _failures.Add($"{label}: the refusal names an internal ({leak.Value}): {Excerpt(body)}");
            }
        }

        if (expectation is null || readPath is null)
        {
            return;
        }

        _expected++;

        var accepted0 = status is >= 200 and < 400;
        if (accepted0 && readPath.Contains('?', StringComparison.Ordinal) && body.StartsWith('{') && JsonDocument.Parse(body).RootElement.TryGetProperty("id", out var id))
        {
            // A creation: what it made is read where it lives, not in a list's summary.
            readPath = $"{readPath.Split('?')[0].Replace("/public/", "/api/", StringComparison.Ordinal)}/{id.GetGuid()}";
        }

        if (await ReadAsync(readPath) is not { } after)
        {
            return;
        }

        var accepted = status is >= 200 and < 400;
        if (expectation.Marker is { } marker)
        {
            var stored = Strings(after).Any(s => s.Contains(marker, StringComparison.Ordinal));
            _verified++;
            if (!accepted && stored)
            {
                _failures.Add($"{label}: refused, yet stored ({readPath} holds {marker})");
            }
            else if (accepted && stored && expectation.Text is { } sent && sent.Trim() is { Length: > 0 } trimmed
                     && !Strings(after).Any(s => s.Contains(trimmed, StringComparison.Ordinal)))
            {
                var near = Strings(after).FirstOrDefault(s => s.Contains(marker, StringComparison.Ordinal)) ?? "";
                _failures.Add($"{label}: accepted, but read back as \"{HostileValues.Describe(near)}\" instead of \"{HostileValues.Describe(trimmed)}\"");
            }
        }
        else if (expectation.Field is { } field && before is { } was0)
        {
            var name = field.Split('.')[^1].Split('[')[0];
            var was = Values(was0, name);
            var now = Values(after, name);
            if (!accepted && !was.SequenceEqual(now))
            {
                _verified++;
                _failures.Add($"{label}: refused, yet {name} changed from [{string.Join(", ", was)}] to [{string.Join(", ", now)}]");
            }
            else if (accepted && expectation.Number is { } sentNumber && sentNumber != "null" && now.Count > 0)
            {
                _verified++;
                if (!now.Any(value => SameNumber(value, sentNumber.Trim('"'))))
                {
                    _failures.Add($"{label}: accepted, but {name} reads [{string.Join(", ", now)}]");
                }
            }
            else
            {
                _verified += was.Count > 0 ? 1 : 0;
            }
        }
    }

    private static bool SameNumber(string read, string sent) =>
        decimal.TryParse(read, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var a)
        && decimal.TryParse(sent, global::System.Globalization.NumberStyles.Float, global::System.Globalization.CultureInfo.InvariantCulture, out var b)
        && a == b;

    private static bool IsApi(Operation operation) =>
        operation.Template.StartsWith("/api/", StringComparison.Ordinal) || operation.Template.StartsWith("/public/", StringComparison.Ordinal)
        || operation.Template.StartsWith("/webhooks/", StringComparison.Ordinal);

    /// <summary>Where a write is seen: the nearest GET above its path, else the GET of the same family the suite can fill.</summary>
    private string? ReadPath(Operation operation)
    {
        if (operation.Template is "/public/requests" or "/api/requests" && operation.Method == "POST")
        {
            return "/api/requests?pageSize=100";
        }

        if (operation.Template == "/api/catalogue/products")
        {
            return "/api/catalogue/products?includeRetired=true";
        }

        if (!operation.Template.StartsWith("/api/", StringComparison.Ordinal))
        {
            return null;
        }

        var segments = operation.Template.Split('/');
        if (operation.Method == "GET")
        {
            return null;
        }

        for (var length = segments.Length; length >= 3; length--)
        {
            var prefix = string.Join('/', segments[..length]);
            if (_arena.Reads.Contains(prefix) && (length < segments.Length || operation.Method != "GET"))
            {
                return _arena.Fill(prefix);
            }
        }

        var family = string.Join('/', segments[..3]);
        return _arena.Reads.Where(r => r.StartsWith(family + "/by-request/{requestId}", StringComparison.Ordinal)).Select(_arena.Fill).FirstOrDefault();
    }

    private async Task<JsonElement?> ReadAsync(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", _arena.Token);
        var response = await _gateway.SendAsync(request);
        return response.IsSuccessStatusCode && response.Content.Headers.ContentType?.MediaType?.Contains("json", StringComparison.Ordinal) == true
            ? await response.Content.ReadFromJsonAsync<JsonElement>()
            : null;
    }

    private string Url(Operation operation, (string Name, string Value)? hostile, string? query)
    {
        var path = string.Join('/', operation.Template.Split('/').Select(segment =>
        {
            if (!segment.StartsWith('{'))
            {
                return segment;
            }

            var name = segment.Trim('{', '}').Split(':')[0];
            return hostile is { } h && h.Name == name ? h.Value : _arena.PathValue(operation.Template, name);
        }));
        return query is null ? path : $"{path}?{query}";
    }

    private static HttpRequestMessage Request(Operation operation, string url, HttpContent? content) =>
        new(new HttpMethod(operation.Method), url) { Content = content };

    private HttpContent? Body(Operation operation, string? marker) =>
        operation.Body is { } shape ? Json(Baseline(operation, shape, marker ?? Marker(_case + 1), Carrier(shape, null)).ToJsonString()) : null;

    private static ByteArrayContent Json(string json) => Raw(Encoding.UTF8.GetBytes(json), "application/json");

    private static ByteArrayContent Raw(byte[] bytes, string? contentType)
    {
        var content = new ByteArrayContent(bytes);
        if (contentType is not null)
        {
            content.Headers.TryAddWithoutValidation("Content-Type", contentType);
        }

        return content;
    }

    private JsonObject Baseline(Operation operation, FieldKind.Shape shape, string marker, string? carrier) =>
        _arena.Valid(operation.Template, shape, marker, carrier, "");

    private static string? Carrier(FieldKind.Shape shape, string? except) =>
        new[] { "note", "message", "body", "reason", "description", "address", "label", "assigneeName", "name" }
            .FirstOrDefault(name => name != except && shape.Fields.Any(f => f.Name == name && f.Kind is FieldKind.Text));

    private static string Replace(JsonObject body, string path, string json)
    {
        const string Placeholder = "__hostile_value__";
        var copy = body.DeepClone().AsObject();
        JsonNode target = copy;
        var parts = path.Split('.');
        foreach (var part in parts[..^1])
        {
            target = part.EndsWith("[0]", StringComparison.Ordinal) ? target[part[..^3]]![0]! : target[part]!;
        }

        target[parts[^1]] = Placeholder;
        return copy.ToJsonString().Replace($"\"{Placeholder}\"", json, StringComparison.Ordinal);
    }

    private static IEnumerable<(string Path, FieldKind Kind)> FieldPaths(FieldKind.Shape shape, string prefix)
    {
        foreach (var field in shape.Fields)
        {
            yield return (prefix + field.Name, field.Kind);
            if (field.Kind is FieldKind.List { Item: FieldKind.Shape item })
            {
                foreach (var inner in FieldPaths(item, $"{prefix}{field.Name}[0].").Where(p => p.Kind is not FieldKind.Text || p.Path.EndsWith("name", StringComparison.Ordinal)))
                {
                    yield return inner;
                }
            }
        }
    }

    private static string Marker(int number) => $"hx{number}x";

    private static IEnumerable<string> Strings(JsonElement element) => element.ValueKind switch
    {
        JsonValueKind.String => [element.GetString()!],
        JsonValueKind.Array => element.EnumerateArray().SelectMany(Strings),
        JsonValueKind.Object => element.EnumerateObject().SelectMany(p => Strings(p.Value)),
        _ => [],
    };

    private static List<string> Values(JsonElement element, string name)
    {
        var found = new List<string>();
        Collect(element);
        return found;

        void Collect(JsonElement e)
        {
            if (e.ValueKind == JsonValueKind.Object)
            {
                foreach (var property in e.EnumerateObject())
                {
                    if (string.Equals(property.Name, name, StringComparison.OrdinalIgnoreCase) && property.Value.ValueKind is not JsonValueKind.Object and not JsonValueKind.Array)
                    {
                        found.Add(property.Value.ToString());
                    }

                    Collect(property.Value);
                }
            }
            else if (e.ValueKind == JsonValueKind.Array)
            {
                foreach (var item in e.EnumerateArray())
                {
                    Collect(item);
                }
            }
        }
    }

    private static string Excerpt(string body) => HostileValues.Describe(body.Length > 300 ? body[..300] : body);

    /// <summary>What a refusal must not show a person: .NET types, exceptions, stack frames, SQL states.</summary>
    [GeneratedRegex(@"System\.[A-Z]|Microsoft\.[A-Z]|Exception|Int32|Int64|DateOnly|JsonElement|Nullable`|\bat [A-Z][\w.]+\(|SqlState|Npgsql|\$\.")]
    private static partial Regex Internals();
}
