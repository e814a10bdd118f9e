using Microsoft.Extensions.Localization;
using ServiceBooking.Domain.Common;

namespace ServiceBooking.Web.Platform.Localization;

public static class DomainMessages
{
    /// <summary>The localized message for a broken domain rule: resource <c>Domain.{Code}</c>.</summary>
    public static string Message(this IStringLocalizer text, DomainException error) =>
        text[$"Domain.{error.Code}", [.. error.Arguments]];
}
