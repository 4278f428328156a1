using Microsoft.OpenApi;

namespace CommercialManagement.ServiceDefaults.OpenApi;

/// <summary>What a service's document says about itself: its name, and the bearer scheme its operations refer to.</summary>
public static class ServiceDescription
{
    public static void Describe(OpenApiDocument document, string application)
    {
        document.Info = new OpenApiInfo
        {
            Title = $"{application.Replace('.', ' ')}",
            Version = ApiDocumentation.DocumentName,
            Description =
                $"The route table of {application}. Integrators do not call a service directly: the gateway forwards the " +
                "public and staff routes unchanged and publishes them together at /api/docs, where the authentication, the " +
                "error shapes and the idempotency keys are explained.",
        };
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>();
        document.Components.SecuritySchemes[ApiDocumentation.BearerScheme] = BearerScheme();
    }

    /// <summary>The scheme as integrators meet it at the gateway; services themselves take the gateway's 2-minute staff tokens.</summary>
    public static OpenApiSecurityScheme BearerScheme() => new()
    {
        Type = SecuritySchemeType.Http,
        Scheme = "bearer",
        BearerFormat = "JWT",
        Description =
            "A token from POST /api/auth/token (a staff member's email and password), valid 30 minutes, sent as " +
            "`Authorization: Bearer <token>`. It acts as that member, in their organisation only, with their role; it is " +
            "refused (401) once it has expired or within a minute of the member being disabled or their role changed.",
    };
}
