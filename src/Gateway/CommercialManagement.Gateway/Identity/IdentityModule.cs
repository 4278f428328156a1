using Microsoft.AspNetCore.DataProtection;
using CommercialManagement.BuildingBlocks.Messaging;
using CommercialManagement.BuildingBlocks.Persistence;
using CommercialManagement.ServiceDefaults;
using CommercialManagement.ServiceDefaults.Security;
using Microsoft.AspNetCore.Authentication.Cookies;
using Microsoft.AspNetCore.Authentication.JwtBearer;
using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.Identity;

namespace CommercialManagement.Gateway.Identity;

internal static class IdentityModule
{
    /// <summary>Chooses the bearer token when one is sent, the login cookie otherwise.</summary>
    public const string StaffScheme = "staff";

    public const string AdminPolicy = "admin";

    public static IHostApplicationBuilder AddGatewayIdentity(this IHostApplicationBuilder builder)
    {
        builder.AddServiceDatabase<GatewayDbContext>(ResourceNames.IdentityDb);
        builder.AddMessaging<GatewayDbContext>("gateway", Features.Live.LiveModule.AddConsumers, Features.Live.LiveModule.AddEndpoint);
        // One key ring for every gateway instance, in the identity database: a cookie, an antiforgery token or a sealed
        // text made by one instance is read by the others (each kept its own before, so two gateways could not share a login).
        builder.Services.AddDataProtection()
            .SetApplicationName("CommercialManagement.Gateway")
            .PersistKeysToDbContext<GatewayDbContext>();
        // The one private key that signs what services and the API accept; the API checks its tokens with the same pair.
        var key = TokenKeys.GatewaySigningKey(builder.Configuration, builder.Environment);
        builder.Services.AddSingleton(provider => new StaffTokenIssuer(key, provider.GetRequiredService<TimeProvider>()));

        builder.Services
            .AddAuthentication(options =>
            {
                options.DefaultScheme = StaffScheme;
                options.DefaultChallengeScheme = StaffScheme;
            })
            .AddPolicyScheme(StaffScheme, "Staff", options => options.ForwardDefaultSelector = context =>
                context.Request.Headers.Authorization.ToString().StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase)
                || IsCookieWriteToTheApi(context.Request)
                    ? JwtBearerDefaults.AuthenticationScheme
                    : IdentityConstants.ApplicationScheme)
            .AddJwtBearer(options =>
            {
                options.MapInboundClaims = false;
                options.TokenValidationParameters = StaffTokenOptions.ValidationParameters(key, StaffTokenOptions.ApiAudience);
                options.Events = ApiTokenRevocation.Events;
            })
            .AddIdentityCookies(cookies => cookies.ApplicationCookie?.Configure(ConfigureCookie));

        builder.Services
            .AddIdentityCore<StaffUser>(ConfigureIdentity)
            .AddRoles<IdentityRole<Guid>>()
            .AddEntityFrameworkStores<GatewayDbContext>()
            .AddSignInManager<StaffSignInManager>()
            .AddClaimsPrincipalFactory<StaffPrincipalFactory>()
            .AddErrorDescriber<FrenchIdentityErrorDescriber>()
            .AddDefaultTokenProviders();

        builder.Services.AddAuthorizationBuilder()
            .SetFallbackPolicy(new AuthorizationPolicyBuilder().RequireAuthenticatedUser().Build())
            .AddPolicy(AdminPolicy, policy => policy.RequireAuthenticatedUser().RequireRole(StaffClaims.AdminRole));
        builder.Services.AddCascadingAuthenticationState();
        builder.AddSessionRevalidation();
        return builder;
    }

    /// <summary>
    /// A member disabled or whose rights changed loses them within a minute: the login cookie at its next check, an open
    /// back-office tab at its circuit's next check, an API token at its next request once its member's cached state is
    /// older than the interval (ADR 0008).
    /// </summary>
    private static void AddSessionRevalidation(this IHostApplicationBuilder builder)
    {
        builder.Services.AddOptions<StaffSessionOptions>()
            .Bind(builder.Configuration.GetSection(StaffSessionOptions.Section))
            .Validate(o => o.RevalidationInterval > TimeSpan.Zero && o.RevalidationInterval <= TimeSpan.FromSeconds(30),
                "Auth:RevalidationInterval must be positive and at most 30 seconds, so that withdrawn rights are gone within a minute.")
            .ValidateOnStart();
        builder.Services.AddOptions<SecurityStampValidatorOptions>()
            .Configure<Microsoft.Extensions.Options.IOptions<StaffSessionOptions>>((stamp, sessions) => stamp.ValidationInterval = sessions.Value.RevalidationInterval);
        builder.Services.AddScoped<Microsoft.AspNetCore.Components.Authorization.AuthenticationStateProvider, StaffRevalidatingAuthenticationStateProvider>();
        builder.Services.AddSingleton<ApiTokenRevocation>();
    }

    /// <summary>
    /// A write to <c>/api/*</c> (any method but GET, HEAD, OPTIONS) is never authenticated by the back office's cookie:
    /// the cookie is <c>SameSite=Lax</c>, and a page on another port of the same host, or another subdomain of the same
    /// site, is same-site, so a form or a no-cors fetch there would carry it. The back office never writes to the API from
    /// the browser (its pages call the services from the server); integrations use a bearer token. Such a request is
    /// left to the bearer scheme, which finds no token: 401.
    /// </summary>
    internal static bool IsCookieWriteToTheApi(HttpRequest request) =>
        request.Path.StartsWithSegments("/api")
        && !(HttpMethods.IsGet(request.Method) || HttpMethods.IsHead(request.Method) || HttpMethods.IsOptions(request.Method));

    private static void ConfigureIdentity(IdentityOptions options)
    {
        options.User.RequireUniqueEmail = true;
        options.SignIn.RequireConfirmedAccount = false;
        options.Password.RequiredLength = 8;
        options.Password.RequireDigit = true;
        options.Password.RequireLowercase = true;
        options.Password.RequireUppercase = true;
        options.Password.RequireNonAlphanumeric = true;
        options.Lockout.AllowedForNewUsers = true;
        options.Lockout.MaxFailedAccessAttempts = 5;
        options.Lockout.DefaultLockoutTimeSpan = TimeSpan.FromMinutes(15);
        options.ClaimsIdentity.UserIdClaimType = StaffClaims.UserId;
        options.ClaimsIdentity.UserNameClaimType = StaffClaims.Name;
        options.ClaimsIdentity.EmailClaimType = StaffClaims.Email;
        options.ClaimsIdentity.RoleClaimType = StaffClaims.Role;
    }

    private static void ConfigureCookie(CookieAuthenticationOptions cookie)
    {
        cookie.Cookie.Name = "cm.staff";
        cookie.Cookie.HttpOnly = true;
        cookie.Cookie.SameSite = SameSiteMode.Lax;
        cookie.Cookie.SecurePolicy = CookieSecurePolicy.SameAsRequest;
        cookie.LoginPath = "/connexion";
        cookie.LogoutPath = "/deconnexion";
        cookie.AccessDeniedPath = "/acces-refuse";
        cookie.ExpireTimeSpan = TimeSpan.FromHours(10);
        cookie.SlidingExpiration = true;
        // An API call without credentials gets 401, not the login page.
        cookie.Events.OnRedirectToLogin = context => Refuse(context, StatusCodes.Status401Unauthorized);
        cookie.Events.OnRedirectToAccessDenied = context => Refuse(context, StatusCodes.Status403Forbidden);
    }

    private static Task Refuse(Microsoft.AspNetCore.Authentication.RedirectContext<CookieAuthenticationOptions> context, int status)
    {
        if (context.Request.Path.StartsWithSegments("/api"))
        {
            context.Response.StatusCode = status;
            return Task.CompletedTask;
        }

        context.Response.Redirect(context.RedirectUri);
        return Task.CompletedTask;
    }
}
