using System.Globalization;

namespace ServiceBooking.Web.Platform.Localization;

/// <summary>The site's cultures: Russian by default, English (British formats: day first, 24-hour clock) as the second.</summary>
public static class Cultures
{
    public const string Russian = "ru-RU";
    public const string English = "en-GB";
    public const string Default = Russian;

    public static readonly IReadOnlyList<string> Supported = [Russian, English];

    public static bool IsSupported(string? name) =>
        name is not null && Supported.Contains(name, StringComparer.OrdinalIgnoreCase);

    public static CultureInfo Get(string? name) =>
        CultureInfo.GetCultureInfo(IsSupported(name) ? name! : Default);
}
