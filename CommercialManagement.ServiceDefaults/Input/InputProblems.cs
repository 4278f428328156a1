using System.Text.Json;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Routing;
using Microsoft.Extensions.DependencyInjection;

namespace CommercialManagement.ServiceDefaults.Input;

/// <summary>
/// One gate for hostile text and unreadable requests, in every service and the gateway: a query string or path holding
/// a character <see cref="InputText"/> refuses is answered 400 before any endpoint runs; a JSON body that cannot be
/// bound (a refused character, a wrong type, a number too large for its field) is answered 400 naming the field in
/// French, never with a .NET type's name; checked arithmetic that overflowed on a caller's numbers is answered 400.
/// </summary>
public static class InputProblems
{
    public const string UnreadableTitle = "La requête n'est pas lisible.";

    public const string WrongShape = "Cette valeur n'a pas la forme attendue (type, format ou taille).";

    public static IServiceCollection AddInputGuard(this IServiceCollection services)
    {
        services.Configure<JsonOptions>(options =>
        {
            options.SerializerOptions.Converters.Add(new GuardedStringConverter());
            options.SerializerOptions.TypeInfoResolver = NoNullItems.Guard(options.SerializerOptions.TypeInfoResolver);
        });
        // Binding failures throw in every environment (not only Development), so they all reach the wording below.
        services.Configure<RouteHandlerOptions>(options => options.ThrowOnBadRequest = true);
        services.AddTransient<IStartupFilter, InputGuardStartup>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            if (context.Exception is OverflowException)
            {
                context.ProblemDetails.Title = "Un nombre dépasse ce que le système accepte.";
                context.ProblemDetails.Detail = "Une quantité, un montant ou un numéro de page envoyé est trop grand : réduisez-le.";
                return;
            }

            if (context.Exception is not BadHttpRequestException bad)
            {
                return;
            }

            context.ProblemDetails.Title = UnreadableTitle;
            if (bad.InnerException is JsonException json)
            {
                var (field, message) = Describe(json);
                context.ProblemDetails.Detail = $"« {field} » : {message}";
                context.ProblemDetails.Extensions["errors"] = new Dictionary<string, string[]> { [field] = [message] };
            }
            else
            {
                context.ProblemDetails.Detail = bad.StatusCode == StatusCodes.Status415UnsupportedMediaType
                    ? "Envoyez le corps en JSON (Content-Type: application/json)."
                    : "Un paramètre ou le corps de la requête manque ou n'a pas la forme attendue.";
            }
        });
        return services;
    }

    /// <summary>The options an endpoint that reads its JSON itself uses: the same guard on every string.</summary>
    public static JsonSerializerOptions GuardedWebJson() =>
        new(JsonSerializerDefaults.Web) { Converters = { new GuardedStringConverter() }, TypeInfoResolver = NoNullItems.Guard(null) };

    /// <summary>A body an endpoint read itself and could not bind: 400 naming the field, as for the framework's bodies.</summary>
    public static ProblemHttpResult Unreadable(JsonException json)
    {
        var (field, message) = Describe(json);
        return TypedResults.Problem(
            title: UnreadableTitle, detail: $"« {field} » : {message}", statusCode: StatusCodes.Status400BadRequest,
            extensions: new Dictionary<string, object?> { ["errors"] = new Dictionary<string, string[]> { [field] = [message] } });
    }

    /// <summary>Where and what, in words: "$.lines[0].label" → "lines[0].label"; the whole body when no place is known.</summary>
    private static (string Field, string Message) Describe(JsonException json)
    {
        if (json is RefusedTextException)
        {
            return (Field(json.Path), InputText.Refusal);
        }

        if (json is NullItemException empty)
        {
            var within = Field(json.Path);
            return (within == "body" ? empty.Field : $"{within}.{empty.Field}", "Cette liste contient une valeur vide (null) : retirez-la ou remplissez-la.");
        }

        return string.IsNullOrEmpty(json.Path) || json.Path == "$"
            ? ("body", "Le corps de la requête n'est pas un objet JSON valide (Content-Type: application/json).")
            : (Field(json.Path), WrongShape);
    }

    private static string Field(string? path) =>
        string.IsNullOrEmpty(path) || path == "$" ? "body" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    private sealed class InputGuardStartup : IStartupFilter
    {
        public Action<IApplicationBuilder> Configure(Action<IApplicationBuilder> next) => app =>
        {
            app.Use(GuardAsync);
            next(app);
        };
    }

    private static async Task GuardAsync(HttpContext context, RequestDelegate next)
    {
        var errors = new Dictionary<string, string[]>();
        if (!InputText.IsAcceptable(context.Request.Path.Value))
        {
            errors["path"] = [InputText.Refusal];
        }

        foreach (var (key, values) in context.Request.Query)
        {
            if (!InputText.IsAcceptable(key) || values.Any(v => !InputText.IsAcceptable(v)))
            {
                errors[InputText.IsAcceptable(key) ? key : "query"] = [InputText.Refusal];
            }
        }

        if (errors.Count == 0)
        {
            await next(context);
            return;
        }

        context.Response.StatusCode = StatusCodes.Status400BadRequest;
        await Results.ValidationProblem(errors, title: UnreadableTitle).ExecuteAsync(context);
    }
}
