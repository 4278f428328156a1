using Microsoft.Extensions.Hosting;

namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// Real Stripe test keys for the Payment service, only when the AppHost's own configuration has them (user-secrets or
/// environment: Stripe__SecretKey, Stripe__WebhookSecret), passed as secret parameters; without a secret key, and in a
/// Development run only, the service is told to run its sandbox (<c>Stripe__Sandbox=true</c>: it never runs it unasked,
/// and refuses it outside Development).
/// </summary>
internal static class StripeKeys
{
    private static readonly (string Setting, string Parameter)[] Settings =
    [
        ("Stripe:SecretKey", "stripe-secret-key"),
        ("Stripe:WebhookSecret", "stripe-webhook-secret"),
    ];

    public static IResourceBuilder<ProjectResource> WithStripeKeys(this IResourceBuilder<ProjectResource> project)
    {
        foreach (var (setting, parameter) in Settings)
        {
            var value = project.ApplicationBuilder.Configuration[setting];
            if (!string.IsNullOrWhiteSpace(value))
            {
                project.WithEnvironment(setting.Replace(":", "__", StringComparison.Ordinal), project.ApplicationBuilder.AddParameter(parameter, value, secret: true));
            }
        }

        // The sandbox takes card 4242 as a payment: only a development run gets it. Anywhere else, no key means the
        // Payment service refuses to start and says which settings it needs.
        if (string.IsNullOrWhiteSpace(project.ApplicationBuilder.Configuration["Stripe:SecretKey"])
            && project.ApplicationBuilder.Environment.IsDevelopment())
        {
            project.WithEnvironment("Stripe__Sandbox", "true");
        }

        return project;
    }
}
