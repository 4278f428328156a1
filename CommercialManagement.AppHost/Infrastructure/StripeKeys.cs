namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// Real Stripe test keys for the Payment service, only when the AppHost's own configuration has them (user-secrets or
/// environment: Stripe__SecretKey, Stripe__WebhookSecret), passed as secret parameters; without a secret key the service is
/// told to run its sandbox (<c>Stripe__Sandbox=true</c>: the service never runs it unasked).
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

        if (string.IsNullOrWhiteSpace(project.ApplicationBuilder.Configuration["Stripe:SecretKey"]))
        {
            project.WithEnvironment("Stripe__Sandbox", "true");
        }

        return project;
    }
}
