using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.Extensions.DependencyInjection;

namespace Microsoft.Extensions.Hosting;

public static class ServiceAuthenticationExtensions
{
    /// <summary>
    /// A service accepts only the gateway's short-lived staff tokens (issuer, audience, lifetime, ES256 signature checked with
    /// the gateway's public key: a service holds no key to sign with), and
    /// every endpoint requires one carrying an organisation unless it says AllowAnonymous. The few endpoints a
    /// customer space calls say RequireAuthorization("Customer"): they take the gateway's customer tokens (one case)
    /// and nothing else, and staff endpoints never take those.
    /// </summary>
    public static TBuilder AddServiceAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var key = TokenKeys.GatewayVerificationKey(builder.Configuration, builder.Environment);
        builder.Services
            .AddAuthentication(JwtBearerDefaults.AuthenticationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = StaffTokenOptions.ValidationParameters(key, StaffTokenOptions.ServicesAudience);
                options.Events = new JwtBearerEvents
                {
                    // A staff token always names its organisation: without one, it is not a valid token here.
                    OnTokenValidated = context =>
                    {
                        if (!Guid.TryParse(context.Principal?.FindFirst(StaffClaims.OrganisationId)?.Value, out _))
                        {
                            context.Fail("The token names no organisation.");
                        }

                        return Task.CompletedTask;
                    },
                };
            })
            .AddJwtBearer(StaffTokenOptions.CustomerScheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = StaffTokenOptions.ValidationParameters(key, StaffTokenOptions.CustomerAudience);
            });
        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder()
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaims.OrganisationId)
                .Build())
            .AddPolicy(StaffClaims.AdminRole, policy => policy
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaims.OrganisationId)
                .RequireRole(StaffClaims.AdminRole))
            .AddPolicy(StaffTokenOptions.CustomerScheme, policy => policy
                .AddAuthenticationSchemes(StaffTokenOptions.CustomerScheme)
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaims.OrganisationId)
                .RequireClaim(StaffClaims.CaseId));
        return builder;
    }

    /// <summary>
    /// The Quote and Payment services also take the Notification worker's document tokens (checked with Notification's public key), on
    /// the routes that say RequireAuthorization("Documents") and nowhere else: a staff endpoint never runs this scheme.
    /// </summary>
    public static TBuilder AddDocumentTokenAuthentication<TBuilder>(this TBuilder builder) where TBuilder : IHostApplicationBuilder
    {
        var key = TokenKeys.NotificationVerificationKey(builder.Configuration, builder.Environment);
        builder.Services
            .AddAuthentication()
            .AddJwtBearer(DocumentTokenIssuer.Scheme, options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = StaffTokenOptions.ValidationParameters(key, DocumentTokenIssuer.Audience, DocumentTokenIssuer.Issuer);
            });
        builder.Services.AddAuthorizationBuilder()
            .AddPolicy(DocumentTokenIssuer.Scheme, policy => policy
                .AddAuthenticationSchemes(DocumentTokenIssuer.Scheme)
                .RequireAuthenticatedUser()
                .RequireClaim(StaffClaims.OrganisationId));
        return builder;
    }
}
