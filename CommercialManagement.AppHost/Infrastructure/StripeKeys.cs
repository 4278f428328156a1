namespace CommercialManagement.AppHost.Infrastructure;

/// <summary>
/// Real Stripe test keys for the Payment service, only when the AppHost's own configuration has them (user-secrets or
/// environment: Stripe__SecretKey, Stripe__WebhookSecret), passed as secret parameters; without them the service runs its sandbox.
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

        return project;
    }
}
