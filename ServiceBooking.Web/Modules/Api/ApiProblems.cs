using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Modules.Api;

/// <summary>
/// The API's errors, as RFC 9457 problem details with a localized title (the request's culture) and the rule's code:
/// a broken rule about one field is a 400 with that field's message in <c>errors</c> (as a page shows it next to the
/// field), a rule about the state of things (already completed, taken) a 409, an unknown id or someone else's data a 404.
/// </summary>
public static class ApiProblems
{
    public const string CodeExtension = "code";

    public static ProblemHttpResult NotFound(IStringLocalizer text) => Problem(StatusCodes.Status404NotFound, text["Api.NotFound"], null, "Api.NotFound");

    /// <summary>A broken rule: a 400 naming the field when <paramref name="fields"/> maps its code to one, a 409 otherwise.</summary>
    public static ProblemHttpResult Refused(DomainException error, IStringLocalizer text, IReadOnlyDictionary<string, string>? fields = null)
    {
        var field = fields?.Where(f => error.Code.StartsWith(f.Key, StringComparison.Ordinal)).OrderByDescending(f => f.Key.Length)
            .Select(f => f.Value).FirstOrDefault();
        var message = text.Message(error);
        return field is not null
            ? Invalid(new Dictionary<string, string[]> { [field] = [message] }, text, error.Code)
            : Problem(StatusCodes.Status409Conflict, text["Api.Refused"], message, error.Code);
    }

    /// <summary>A 400 with messages per field (RFC 9457's <c>errors</c> extension, as ASP.NET Core writes it).</summary>
    public static ProblemHttpResult Invalid(IDictionary<string, string[]> errors, IStringLocalizer text, string code = "Api.Invalid")
    {
        var problem = new HttpValidationProblemDetails(errors) { Status = StatusCodes.Status400BadRequest, Title = text["Api.Invalid"] };
        problem.Extensions[CodeExtension] = code;
        return TypedResults.Problem(problem);
    }

    /// <summary>A 400 naming every required field left out; null when none is.</summary>
    public static ProblemHttpResult? Required(IStringLocalizer text, params (string Field, object? Value)[] fields)
    {
        var missing = fields.Where(f => f.Value is null || (f.Value is string s && string.IsNullOrWhiteSpace(s))).ToList();
        return missing.Count == 0 ? null : Invalid(missing.ToDictionary(f => f.Field, _ => new[] { text["Api.Required"].Value }), text, "Api.Required");
    }

    public static ProblemHttpResult Problem(int status, string title, string? detail, string code) =>
        TypedResults.Problem(detail, statusCode: status, title: title, extensions: new Dictionary<string, object?> { [CodeExtension] = code });

    /// <summary>Writes a problem straight to the response (authentication, rate limits, bad bodies: outside an endpoint).</summary>
    public static Task WriteAsync(HttpContext context, int status, string code, string? detail = null, IDictionary<string, string[]>? errors = null)
    {
        var text = context.RequestServices.GetRequiredService<IStringLocalizer<SharedResource>>();
        context.Response.StatusCode = status;
        ProblemDetails problem = errors is null
            ? new ProblemDetails { Status = status, Title = text[code], Detail = detail }
            : new HttpValidationProblemDetails(errors) { Status = status, Title = text[code], Detail = detail };
        problem.Extensions[CodeExtension] = code;
        return context.RequestServices.GetRequiredService<IProblemDetailsService>()
            .WriteAsync(new ProblemDetailsContext { HttpContext = context, ProblemDetails = problem }).AsTask();
    }
}
