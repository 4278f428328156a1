using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;

namespace CommercialManagement.ServiceDefaults.OpenApi;

/// <summary>
/// Every process describes its route table the same way (<c>/openapi/v1.json</c>): who it is, the bearer token it takes,
/// the ProblemDetails errors every route can answer, the <c>Idempotency-Key</c> header where it is honoured, and examples
/// of the main writes. The gateway merges the services' documents into the one integrators read at <c>/api/docs</c>.
/// </summary>
public static class ApiDocumentation
{
    public const string DocumentName = "v1";

    /// <summary>The one security scheme: a JWT in <c>Authorization: Bearer</c> (ADR 0006).</summary>
    public const string BearerScheme = "Bearer";

    public const string ProblemSchema = "ProblemDetails";

    public const string ValidationProblemSchema = "HttpValidationProblemDetails";

    public const string ProblemContentType = "application/problem+json";

    public static IHostApplicationBuilder AddApiDocumentation(this IHostApplicationBuilder builder)
    {
        var application = builder.Environment.ApplicationName;
        builder.Services.AddOpenApi(DocumentName, options =>
        {
            options.AddDocumentTransformer((document, _, _) =>
            {
                ServiceDescription.Describe(document, application);
                return Task.CompletedTask;
            });
            options.AddOperationTransformer<OperationContract>();
        });
        return builder;
    }
}
