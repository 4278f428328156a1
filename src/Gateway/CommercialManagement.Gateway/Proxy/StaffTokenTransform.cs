using CommercialManagement.ServiceDefaults.Security;
using Yarp.ReverseProxy.Transforms;
using Yarp.ReverseProxy.Transforms.Builder;

namespace CommercialManagement.Gateway.Proxy;

/// <summary>
/// What crosses the gateway: the caller's credentials (cookie, bearer token) and any identity or method-override
/// header it made up are removed; a signed staff token for the signed-in user is added, and nothing else.
/// </summary>
internal sealed class StaffTokenTransform(StaffTokenIssuer issuer) : ITransformProvider
{
    private static readonly string[] StrippedPrefixes = ["X-User", "X-Organisation", "X-Organization", "X-Tenant", "X-Auth", "X-Remote-User", "X-Forwarded-User", "X-Staff", "X-Role"];

    private static readonly string[] StrippedHeaders =
        ["Authorization", "Cookie", "X-HTTP-Method-Override", "X-HTTP-Method", "X-Method-Override"];

    public void ValidateRoute(TransformRouteValidationContext context)
    {
    }

    public void ValidateCluster(TransformClusterValidationContext context)
    {
    }

    public void Apply(TransformBuilderContext context) => context.AddRequestTransform(transform =>
    {
        var headers = transform.ProxyRequest.Headers;
        foreach (var name in StrippedHeaders)
        {
            headers.Remove(name);
        }

        foreach (var name in headers.Select(h => h.Key).Where(IsIdentityHeader).ToList())
        {
            headers.Remove(name);
        }

        var user = transform.HttpContext.User;
        if (user.Identity?.IsAuthenticated == true)
        {
            headers.Authorization = new("Bearer", issuer.Issue(user, StaffTokenOptions.ServicesAudience, StaffTokenOptions.ServiceTokenLifetime));
        }

        return ValueTask.CompletedTask;
    });

    private static bool IsIdentityHeader(string name) =>
        StrippedPrefixes.Any(prefix => name.StartsWith(prefix, StringComparison.OrdinalIgnoreCase));
}
