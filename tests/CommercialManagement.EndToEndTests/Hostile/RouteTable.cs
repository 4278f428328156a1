using System.Net.Http.Json;
using System.Text.Json;
using CommercialManagement.ServiceDefaults;

namespace CommercialManagement.EndToEndTests.Hostile;

/// <summary>What a value of a route's parameter or body field is: enough to make a valid one, and hostile ones.</summary>
internal abstract record FieldKind
{
    public sealed record Text : FieldKind;

    public sealed record Integer(bool Long) : FieldKind;

    public sealed record Boolean : FieldKind;

    public sealed record Date : FieldKind;

    public sealed record Uuid : FieldKind;

    public sealed record Choice(IReadOnlyList<string> Values) : FieldKind;

    public sealed record List(FieldKind Item) : FieldKind;

    public sealed record Shape(IReadOnlyList<Field> Fields) : FieldKind;
}

internal sealed record Field(string Name, FieldKind Kind);

/// <summary>One endpoint of one process, as its route table describes it.</summary>
internal sealed record Operation(string Process, string Method, string Template, IReadOnlyList<Field> PathParameters, IReadOnlyList<Field> Query, FieldKind.Shape? Body)
{
    public override string ToString() => $"{Method} {Template}";
}

/// <summary>
/// The route tables of the gateway and of every service, read from their OpenAPI documents (served in Development
/// only): every endpoint with its path and query parameters and the JSON body it reads, so that no endpoint added
/// later escapes the hostile-input suite.
/// </summary>
internal static class RouteTable
{
    public static readonly string[] Processes =
        [ResourceNames.Gateway, ResourceNames.InboxApi, ResourceNames.DossierApi, ResourceNames.QuoteApi, ResourceNames.PaymentApi];

    public static async Task<IReadOnlyList<Operation>> ReadAsync(DistributedApplication app)
    {
        var operations = new List<Operation>();
        foreach (var process in Processes)
        {
            using var client = app.CreateHttpClient(process, "http");
            var document = await client.GetFromJsonAsync<JsonElement>("/openapi/v1.json");
            operations.AddRange(Read(process, document));
        }

        return operations;
    }

    private static IEnumerable<Operation> Read(string process, JsonElement document)
    {
        var schemas = document.TryGetProperty("components", out var components) && components.TryGetProperty("schemas", out var found) ? found : default;
        foreach (var path in document.GetProperty("paths").EnumerateObject())
        {
            foreach (var operation in path.Value.EnumerateObject())
            {
                var pathParameters = new List<Field>();
                var query = new List<Field>();
                if (operation.Value.TryGetProperty("parameters", out var parameters))
                {
                    // Headers (Idempotency-Key) are the idempotency suite's; only path and query values are generated here.
                    foreach (var parameter in parameters.EnumerateArray().Where(p => p.GetProperty("in").GetString() is "path" or "query"))
                    {
                        var field = new Field(parameter.GetProperty("name").GetString()!,
                            parameter.TryGetProperty("schema", out var schema) ? Kind(schema, schemas, 0) : new FieldKind.Text());
                        (parameter.GetProperty("in").GetString() == "path" ? pathParameters : query).Add(field);
                    }
                }

                FieldKind.Shape? body = null;
                if (operation.Value.TryGetProperty("requestBody", out var requestBody)
                    && requestBody.GetProperty("content").TryGetProperty("application/json", out var json)
                    && Kind(json.GetProperty("schema"), schemas, 0) is FieldKind.Shape shape)
                {
                    body = shape;
                }

                // A route parameter the document leaves out (the gateway's {token}) is still one: a text.
                foreach (var name in Parameters(path.Name).Where(name => pathParameters.All(p => p.Name != name)))
                {
                    pathParameters.Add(new Field(name, new FieldKind.Text()));
                }

                yield return new Operation(process, operation.Name.ToUpperInvariant(), path.Name, pathParameters, query, body);
            }
        }
    }

    public static IEnumerable<string> Parameters(string template) =>
        template.Split('/').Where(s => s.StartsWith('{')).Select(s => s.Trim('{', '}').Split(':')[0]);

    private static FieldKind Kind(JsonElement schema, JsonElement schemas, int depth)
    {
        if (depth > 6)
        {
            return new FieldKind.Text();
        }

        if (schema.TryGetProperty("$ref", out var reference))
        {
            return Kind(schemas.GetProperty(reference.GetString()!.Split('/')[^1]), schemas, depth + 1);
        }

        if (schema.TryGetProperty("oneOf", out var oneOf) || schema.TryGetProperty("anyOf", out oneOf))
        {
            var choices = oneOf.EnumerateArray().Where(s => !(s.TryGetProperty("type", out var t) && t.ValueKind == JsonValueKind.String && t.GetString() == "null")).ToList();
            return choices.Count > 0 ? Kind(choices[0], schemas, depth + 1) : new FieldKind.Text();
        }

        if (schema.TryGetProperty("enum", out var values))
        {
            return new FieldKind.Choice(values.EnumerateArray().Where(v => v.ValueKind == JsonValueKind.String).Select(v => v.GetString()!).ToList());
        }

        var types = !schema.TryGetProperty("type", out var type) ? [] : type.ValueKind == JsonValueKind.Array
            ? type.EnumerateArray().Select(t => t.GetString()!).ToList()
            : [type.GetString()!];
        var format = schema.TryGetProperty("format", out var f) ? f.GetString() : null;
        if (types.Contains("integer"))
        {
            return new FieldKind.Integer(format == "int64");
        }

        if (types.Contains("boolean"))
        {
            return new FieldKind.Boolean();
        }

        if (types.Contains("array"))
        {
            return new FieldKind.List(schema.TryGetProperty("items", out var items) ? Kind(items, schemas, depth + 1) : new FieldKind.Text());
        }

        if (types.Contains("object") || schema.TryGetProperty("properties", out _))
        {
            var fields = schema.TryGetProperty("properties", out var properties)
                ? properties.EnumerateObject().Select(p => new Field(p.Name, Kind(p.Value, schemas, depth + 1))).ToList()
                : [];
            return new FieldKind.Shape(fields);
        }

        return format switch
        {
            "date" => new FieldKind.Date(),
            "uuid" => new FieldKind.Uuid(),
            _ => new FieldKind.Text(),
        };
    }
}
