using System.Text.Json.Nodes;
using CommercialManagement.ServiceDefaults.OpenApi;

namespace CommercialManagement.Gateway.Features.ApiDocs;

/// <summary>One process's OpenAPI document, as a JSON tree, and whether it is a copy kept from an earlier fetch.</summary>
internal sealed record SourceDocument(string Process, JsonObject Document, bool Kept = false);

/// <summary>
/// Builds the one document integrators read: the published paths of each process's document (see
/// <see cref="IntegratorRoutes"/>), the schemas those paths use and nothing else, one bearer scheme, and a description
/// of the authentication, the errors and the idempotency keys. Two processes naming different schemas alike keep both,
/// the later one renamed after its process.
/// </summary>
internal static class PublishedDocument
{
    private const string SchemaRef = "#/components/schemas/";

    public static JsonObject Merge(SourceDocument gateway, IReadOnlyList<SourceDocument> services, IReadOnlyList<string> unavailable)
    {
        var paths = new JsonObject();
        var schemas = new JsonObject();
        var tags = new JsonArray();
        Add(gateway, path => path == IntegratorRoutes.TokenPath, paths, schemas, tags);
        foreach (var service in services)
        {
            Add(service, path => IntegratorRoutes.IsPublished(service.Process, path), paths, schemas, tags);
        }

        var kept = services.Where(s => s.Kept).Select(s => s.Process).ToList();
        var document = new JsonObject
        {
            ["openapi"] = gateway.Document["openapi"]?.DeepClone() ?? "3.1.1",
            ["info"] = new JsonObject
            {
                ["title"] = "CommercialManagement API",
                ["version"] = ApiDocumentation.DocumentName,
                ["description"] = Description(unavailable, kept),
            },
            ["servers"] = new JsonArray(new JsonObject { ["url"] = "/", ["description"] = "This gateway" }),
            ["paths"] = Sorted(paths),
            ["components"] = new JsonObject
            {
                ["schemas"] = Sorted(schemas),
                ["securitySchemes"] = new JsonObject
                {
                    [ApiDocumentation.BearerScheme] = new JsonObject
                    {
                        ["type"] = "http",
                        ["scheme"] = "bearer",
                        ["bearerFormat"] = "JWT",
                        ["description"] = ServiceDescription.BearerScheme().Description,
                    },
                },
            },
            ["tags"] = tags,
        };
        if (unavailable.Count > 0)
        {
            document["x-unavailable-services"] = new JsonArray([.. unavailable.Select(s => (JsonNode)s)]);
        }

        return document;
    }

    private static void Add(SourceDocument source, Func<string, bool> published, JsonObject paths, JsonObject schemas, JsonArray tags)
    {
        var ownSchemas = source.Document["components"]?["schemas"] as JsonObject ?? [];
        var kept = (source.Document["paths"] as JsonObject ?? []).Where(p => published(p.Key)).ToList();
        if (kept.Count == 0)
        {
            return;
        }

        // The schemas the kept paths reach, and nothing an internal route alone uses.
        var used = new HashSet<string>(StringComparer.Ordinal);
        var pending = new Queue<string>(kept.SelectMany(p => References(p.Value)));
        while (pending.TryDequeue(out var name))
        {
            if (used.Add(name) && ownSchemas[name] is { } schema)
            {
                foreach (var next in References(schema))
                {
                    pending.Enqueue(next);
                }
            }
        }

        var names = new Dictionary<string, string>(StringComparer.Ordinal);
        foreach (var name in used.Where(n => ownSchemas[n] is not null))
        {
            names[name] = schemas[name] is { } existing && !JsonNode.DeepEquals(existing, ownSchemas[name]) ? Prefix(source.Process) + name : name;
        }

        foreach (var (name, final) in names)
        {
            schemas[final] ??= Renamed(ownSchemas[name]!, names);
        }

        foreach (var (path, item) in kept)
        {
            paths[path] = Renamed(item!, names);
        }

        var usedTags = kept.SelectMany(p => (p.Value as JsonObject ?? []).Select(o => o.Value?["tags"] as JsonArray ?? []))
            .SelectMany(t => t).Select(t => t?.GetValue<string>()).OfType<string>().ToHashSet(StringComparer.Ordinal);
        foreach (var tag in source.Document["tags"] as JsonArray ?? [])
        {
            if (tag?["name"]?.GetValue<string>() is { } name && usedTags.Contains(name) && !tags.Any(t => t?["name"]?.GetValue<string>() == name))
            {
                tags.Add(tag.DeepClone());
            }
        }
    }

    private static IEnumerable<string> References(JsonNode? node) => node switch
    {
        JsonObject o => o.SelectMany(p => p.Key == "$ref" && p.Value?.GetValue<string>() is { } r && r.StartsWith(SchemaRef, StringComparison.Ordinal)
            ? [r[SchemaRef.Length..]]
            : References(p.Value)),
        JsonArray a => a.SelectMany(References),
        _ => [],
    };

    /// <summary>A copy whose schema references follow the renames.</summary>
    private static JsonNode Renamed(JsonNode node, IReadOnlyDictionary<string, string> names)
    {
        var copy = node.DeepClone();
        Rewrite(copy, names);
        return copy;
    }

    private static void Rewrite(JsonNode? node, IReadOnlyDictionary<string, string> names)
    {
        switch (node)
        {
            case JsonObject o:
                foreach (var (key, value) in o.ToList())
                {
                    if (key == "$ref" && value?.GetValue<string>() is { } r && r.StartsWith(SchemaRef, StringComparison.Ordinal)
                        && names.TryGetValue(r[SchemaRef.Length..], out var final))
                    {
                        o[key] = SchemaRef + final;
                    }
                    else
                    {
                        Rewrite(value, names);
                    }
                }

                break;
            case JsonArray a:
                foreach (var item in a)
                {
                    Rewrite(item, names);
                }

                break;
        }
    }

    /// <summary><c>quote-api</c> → <c>Quote</c>.</summary>
    private static string Prefix(string process) =>
        string.Concat(process.Split('-').SkipLast(1).Select(p => char.ToUpperInvariant(p[0]) + p[1..]));

    private static JsonObject Sorted(JsonObject source) =>
        new(source.OrderBy(p => p.Key, StringComparer.Ordinal).Select(p => KeyValuePair.Create(p.Key, p.Value?.DeepClone())));

    private static string Description(IReadOnlyList<string> unavailable, IReadOnlyList<string> kept)
    {
        var text = """
            The public and staff API of CommercialManagement, as the gateway serves it: every route below is called on this
            address, and the gateway forwards it to the service that owns the resource.

            ## Authentication
            Every `/api` route needs `Authorization: Bearer <token>`. Get the token with `POST /api/auth/token` and the email
            and password of a staff member: it is valid for 30 minutes (`expiresIn`, in seconds), then ask for a new one. It
            acts as that member, in their organisation only and with their role (some routes are for an Admin). It is refused
            (401) once expired, and within a minute of the member being disabled or their role changed. Wrong passwords are
            limited: too many answer 429 with `Retry-After`.
            `POST /public/requests` needs no token: it is a website's contact form, identified by the organisation's site key.

            ## Errors
            Every error is an RFC 7807 problem (`application/problem+json`): `title` (in French, meant for a person), `status`,
            `detail`; a 400 adds `errors`, each field's messages. 400: the input is refused (nothing stored); 401: no valid
            token; 403: the member's role does not allow it; 404: nothing with this id in your organisation; 409: the current
            state refuses the change, or the data changed meanwhile; 422: an `Idempotency-Key` reused for another request;
            503: a moment's unavailability, nothing was done: try again after `Retry-After` seconds.

            ## Writes sent twice
            The writes that create something or move money take an optional `Idempotency-Key` header (1 to 100 visible
            characters, a new GUID per operation). Send the same key again after a timeout: the effect happens once and the
            stored answer comes back with `Idempotency-Replayed: true`. Keys are kept 24 hours.

            ## Values
            Money is in integer cents (`amountCents`: 33600 is 336.00 €), dates are `YYYY-MM-DD`, times are UTC (ISO 8601).
            """;
        if (unavailable.Count > 0)
        {
            text += $"\n\n**Not listed right now**: the routes of {string.Join(", ", unavailable)}, which did not answer when this page was built. They still work if the service is back; reload this page in a minute.";
        }

        if (kept.Count > 0)
        {
            text += $"\n\nThe routes of {string.Join(", ", kept)} are shown as last read: the service did not answer just now.";
        }

        return text;
    }
}
