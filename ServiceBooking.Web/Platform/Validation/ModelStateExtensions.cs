using Microsoft.AspNetCore.Mvc.ModelBinding;
using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;
using ServiceBooking.Web.Platform.Localization;

namespace ServiceBooking.Web.Platform.Validation;

public static class ModelStateExtensions
{
    /// <summary>
    /// Shows a broken domain rule next to the field it is about: <paramref name="fields"/> maps the start of a rule's
    /// code ("Oil.Viscosity") to a form field ("Input.Viscosity"); the longest match wins, no match means the form.
    /// </summary>
    public static void AddDomainError(
        this ModelStateDictionary modelState, DomainException error, IStringLocalizer text, IReadOnlyDictionary<string, string> fields)
    {
        var key = fields
            .Where(f => error.Code.StartsWith(f.Key, StringComparison.Ordinal))
            .OrderByDescending(f => f.Key.Length)
            .Select(f => f.Value)
            .FirstOrDefault() ?? string.Empty;
        modelState.AddModelError(key, text.Message(error));
    }

    /// <summary>"is-invalid" when the field has a message, for fields written by hand (selects, file inputs).</summary>
    public static string InvalidClass(this ModelStateDictionary modelState, string key) =>
        modelState.GetFieldValidationState(key) == ModelValidationState.Invalid ? "is-invalid" : string.Empty;
}
