using System.Text.Json.Nodes;
using CommercialManagement.ServiceDefaults.Idempotency;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Mvc;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.AspNetCore.Routing;
using Microsoft.OpenApi;

namespace CommercialManagement.ServiceDefaults.OpenApi;

/// <summary>
/// What every operation promises beyond its own results, written once instead of on each route: the bearer token unless
/// it is anonymous, the ProblemDetails answers of the shared middleware (400 from the input gate, 401/403, 404 for an id
/// of another organisation, 409 on a write, 503 with Retry-After, ADR 0017), and the <c>Idempotency-Key</c> header with
/// its 409 and 422 where the endpoint honours it (ADR 0011). An answer the endpoint declares itself is kept.
/// </summary>
internal sealed class OperationContract : IOpenApiOperationTransformer
{
    public async Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var document = context.Document;
        var anonymous = metadata.OfType<IAllowAnonymous>().Any();
        var idempotent = metadata.OfType<IdempotencyKeyMetadata>().Any();
        var method = context.Description.HttpMethod ?? "GET";
        var writes = !HttpMethods.IsGet(method) && !HttpMethods.IsHead(method);
        var hasPathParameters = context.Description.RelativePath?.Contains('{', StringComparison.Ordinal) == true;

        var problem = await ReferenceAsync(typeof(ProblemDetails), ApiDocumentation.ProblemSchema, context, cancellationToken);
        var validation = await ReferenceAsync(typeof(HttpValidationProblemDetails), ApiDocumentation.ValidationProblemSchema, context, cancellationToken);
        operation.Responses ??= [];
        if (!anonymous)
        {
            operation.Security ??= [];
            operation.Security.Add(new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(ApiDocumentation.BearerScheme, document)] = [] });
            Add(operation, "401", "No bearer token, or one expired, revoked or not signed by the gateway.", problem);
            if (RequiresMore(metadata))
            {
                Add(operation, "403", "The token's member lacks the role this route needs (an Admin's route, for instance).", problem);
            }
        }

        if (hasPathParameters || writes || operation.Parameters is { Count: > 0 })
        {
            Add(operation, "400",
                "Input refused before anything is stored: `errors` names each field with a French message a person can act on " +
                "(a required field, a value out of bounds, an invisible control character, a body that is not the JSON expected).",
                validation);
        }

        if (hasPathParameters)
        {
            Add(operation, "404", "Nothing with this id in the token's organisation (another organisation's id answers 404 too).", problem);
        }

        if (writes)
        {
            Add(operation, "409",
                "The current state refuses this change (`detail` says why, in French), or the data was changed by someone else " +
                "meanwhile; nothing was saved." + (idempotent ? " Also: a request with the same Idempotency-Key is still running." : ""),
                problem);
        }

        if (idempotent)
        {
            AddIdempotencyKey(operation);
            Add(operation, "422", "This Idempotency-Key was already used for another request: send a new key for a new operation.", problem);
        }

        Add(operation, "503", "A database or a service is unavailable for a moment: nothing was done, try again after Retry-After seconds.", problem,
            new Dictionary<string, IOpenApiHeader>
            {
                ["Retry-After"] = new OpenApiHeader { Description = "Seconds to wait before trying again.", Schema = new OpenApiSchema { Type = JsonSchemaType.Integer } },
            });

        RequestExamples.Apply(operation, context.Description.ActionDescriptor.EndpointMetadata.OfType<IEndpointNameMetadata>().FirstOrDefault()?.EndpointName);
    }

    /// <summary>A role or a named policy beyond the default one: a valid token can still be refused with 403.</summary>
    private static bool RequiresMore(IList<object> metadata) =>
        metadata.OfType<IAuthorizeData>().Any(a => !string.IsNullOrEmpty(a.Roles) || !string.IsNullOrEmpty(a.Policy))
        || metadata.OfType<AuthorizationPolicy>().Any();

    private static async Task<IOpenApiSchema> ReferenceAsync(Type type, string name, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        if (context.Document is not { } document)
        {
            return await context.GetOrCreateSchemaAsync(type, null, cancellationToken);
        }

        if (document.Components?.Schemas?.ContainsKey(name) != true)
        {
            document.AddComponent(name, await context.GetOrCreateSchemaAsync(type, null, cancellationToken));
        }

        return new OpenApiSchemaReference(name, document);
    }

    private static void Add(OpenApiOperation operation, string status, string description, IOpenApiSchema schema, Dictionary<string, IOpenApiHeader>? headers = null)
    {
        if (operation.Responses!.ContainsKey(status))
        {
            return;
        }

        operation.Responses[status] = new OpenApiResponse
        {
            Description = description,
            Headers = headers,
            Content = new Dictionary<string, OpenApiMediaType> { [ApiDocumentation.ProblemContentType] = new() { Schema = schema } },
        };
    }

    private static void AddIdempotencyKey(OpenApiOperation operation)
    {
        operation.Parameters ??= [];
        operation.Parameters.Add(new OpenApiParameter
        {
            Name = IdempotencyHeaders.Key,
            In = ParameterLocation.Header,
            Required = false,
            Description =
                "Optional; send one with every creating or money-moving write. The same key and body again get the stored " +
                "answer (with `Idempotency-Replayed: true`) and the effect happens once; keys are kept 24 hours.",
            Schema = new OpenApiSchema { Type = JsonSchemaType.String, MinLength = 1, MaxLength = IdempotencyHeaders.MaxKeyLength },
            Example = JsonValue.Create("6f1c2b0e8d7a4c51a2b3c4d5e6f70812"),
        });
    }
}
